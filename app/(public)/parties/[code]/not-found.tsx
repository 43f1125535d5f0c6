import { HelpfulNotFound } from "@/components/helpful-not-found";

export default function NotFound() {
  return <HelpfulNotFound what="party" list={{ href: "/parties", label: "all parties" }} />;
}
