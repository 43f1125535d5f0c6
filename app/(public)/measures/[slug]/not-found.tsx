import { HelpfulNotFound } from "@/components/helpful-not-found";

export default function NotFound() {
  return <HelpfulNotFound what="trade measure" list={{ href: "/measures", label: "all trade measures" }} />;
}
