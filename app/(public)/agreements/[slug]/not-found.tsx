import { HelpfulNotFound } from "@/components/helpful-not-found";

export default function NotFound() {
  return <HelpfulNotFound what="agreement" list={{ href: "/agreements", label: "all agreements" }} />;
}
