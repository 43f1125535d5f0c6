import { HelpfulNotFound } from "@/components/helpful-not-found";

export default function NotFound() {
  return <HelpfulNotFound what="source" list={{ href: "/sources", label: "all sources" }} />;
}
