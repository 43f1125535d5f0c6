import type { TDemoCitation, TDemoSource } from "./types";
import type { ConditionState } from "../../lib/generated/prisma/enums";

// The conditions of 22 November 2019 and what became of them (decision 031), from
// /work/shared/reference/gsomia-episode.md; where each fact was checked is in
// docs/demo-data-sources.md ("Conditions"). Sources already in demo-data.ts are named by key; the
// three below are new. Their stored copies were read for title, date and content; no quote was
// taken from them, so their citations carry a locator only.

export type TDemoConditionState = {
  state: ConditionState;
  /** "YYYY-MM-DD" in timeZone. */
  occurredOn: string;
  timeZone: string;
  note: string;
  citations: TDemoCitation[];
};

export type TDemoCondition = {
  /** Key of the development (demo-data.ts) that set the condition. */
  change: string;
  statement: string;
  /** Slug of the agreement or measure the condition depends on, if any. */
  dependsOn?: string;
  states: TDemoConditionState[];
};

export const conditionSources: TDemoSource[] = [
  {
    key: "kbs-2020-06-03",
    url: "http://news.kbs.co.kr/news/view.do?ncd=4461740",
    title: "Korea to address Japan's trade curbs at WTO",
    publisher: "KBS News",
    authors: [],
    publishedAt: "2020-06-03",
    kind: "NEWS",
    reliability: "B",
    reliabilityNote: "South Korea's public broadcaster; usually reliable. Carries the trade ministry official's own words.",
    language: "en",
  },
  {
    key: "kyodo-nna-2020-06-02",
    url: "https://english.nna.jp/articles/15544",
    title: "South Korea to resume WTO complaint over Japan's export curbs",
    publisher: "Kyodo News (via NNA)",
    authors: [],
    publishedAt: "2020-06-02",
    kind: "NEWS",
    reliability: "B",
    reliabilityNote: "Japanese wire agency copy; usually reliable.",
    language: "en",
  },
  {
    key: "yonhap-kng-2023-03-16",
    url: "https://www.koreanewsgazette.com/2nd-ld-s-korea-withdraws-wto-complaint-about-japans-export-curb/",
    title: "(2nd LD) S. Korea withdraws WTO complaint about Japan's export curb",
    publisher: "Korea News Gazette (Yonhap copy)",
    authors: [],
    publishedAt: "2023-03-16",
    kind: "NEWS",
    reliability: "C",
    reliabilityNote: "Republishes Yonhap copy without its own date line; the date is the Tokyo summit day the text names (\"Thursday\", President Yoon's arrival in Japan).",
    language: "en",
  },
];

export const demoConditions: TDemoCondition[] = [
  {
    change: "gsomia-termination-suspended-2019",
    statement: "South Korea can end the suspension of its termination notice, and so GSOMIA, at any time",
    states: [
      {
        state: "HOLDING",
        occurredOn: "2019-11-22",
        timeZone: "Asia/Seoul",
        note: "Seoul suspends the effect of its August notice on the condition that it can end the agreement at any time.",
        citations: [
          {
            source: "koreaherald-2019-11-22",
            quote: "under the condition that the effect of GSOMIA can be ended at any time, decided to halt the effect of the announcement of the end of its validity on Aug. 23",
            locator: "paragraph 2 (Kim You-geun)",
            credibility: 1,
          },
          { source: "yonhap-2019-11-22", quote: 'South Korea announced a decision Friday to "conditionally" suspend the expiry of a military information-sharing accord with Japan.', locator: "paragraph 1", credibility: 1 },
        ],
      },
      {
        state: "HOLDING",
        occurredOn: "2020-08-24",
        timeZone: "Asia/Seoul",
        note: "The former annual notice deadline passes with no notice; Seoul says it can still end the pact at any time.",
        citations: [
          { source: "hankyoreh-2020-08-24", quote: "Seoul maintains it can still terminate agreement at any time", locator: "subheading", credibility: 1 },
          { source: "arirang-2020-08-24", quote: "The South Korean government can terminate GSOMIA anytime, and the concept of renewing it annually is not effective now.", locator: "quoted statement", credibility: 1 },
        ],
      },
      {
        state: "WITHDRAWN",
        occurredOn: "2023-03-21",
        timeZone: "Asia/Seoul",
        note: "Seoul withdraws both 2019 notes, the termination notice and its suspension: the reservation goes with them.",
        citations: [
          { source: "koreaherald-2023-03-21", quote: "Through this measure, the Korean government has removed institutional uncertainty related to GSOMIA", locator: "foreign ministry statement", credibility: 1 },
          {
            source: "arabnews-jp-2023-03-21",
            quote: "South Korea also on Tuesday informed Japan of its decision to fully restore a military intelligence-sharing pact between Tokyo and Seoul, known as the General Security of Military Information Agreement, or GSOMIA.",
            locator: "paragraph 5",
            credibility: 1,
          },
        ],
      },
    ],
  },
  {
    change: "gsomia-termination-suspended-2019",
    statement: "South Korea suspends its WTO complaint against Japan's export controls while the export-control dialogue continues",
    dependsOn: "japan-export-controls-semiconductor-materials",
    states: [
      {
        state: "HOLDING",
        occurredOn: "2019-11-22",
        timeZone: "Asia/Seoul",
        note: "With the GSOMIA decision, Seoul halts its WTO complaint and Japan agrees to resume export-control talks.",
        citations: [
          { source: "nyt-2019-11-22", credibility: 1 },
          { source: "yonhap-2019-11-22", credibility: 1 },
        ],
      },
      {
        state: "BREACHED",
        occurredOn: "2020-06-02",
        timeZone: "Asia/Seoul",
        note: "Seoul reopens its WTO complaint, saying Japan showed no will to settle the dispute and the talks, the condition of the suspension, were not a normal dialogue.",
        citations: [
          { source: "kyodo-nna-2020-06-02", locator: "paragraph 1", credibility: 2 },
          { source: "kbs-2020-06-03", locator: "soundbite, Na Seung-shik (trade ministry)", credibility: 2 },
        ],
      },
      {
        state: "LAPSED",
        occurredOn: "2023-03-16",
        timeZone: "Asia/Tokyo",
        note: "Japan decides to lift the three-material curbs and South Korea to withdraw its WTO complaint: the condition no longer has anything to govern.",
        citations: [
          { source: "meti-2023-03-16", locator: "press release", credibility: 1 },
          { source: "yonhap-kng-2023-03-16", locator: "paragraph 1", credibility: 2 },
        ],
      },
    ],
  },
];
