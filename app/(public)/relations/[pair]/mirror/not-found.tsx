import { HelpfulNotFound } from "@/components/helpful-not-found";

export default function NotFound() {
  return <HelpfulNotFound what="relation" list={{ href: "/relations", label: "another pair of parties" }} />;
}
