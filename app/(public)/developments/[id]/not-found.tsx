import { HelpfulNotFound } from "@/components/helpful-not-found";

export default function NotFound() {
  return <HelpfulNotFound what="development" list={{ href: "/developments", label: "all developments" }} />;
}
