import type { TDemoSource } from "./types";

// Parties' positions of 2019 (decision 033): each party's own characterisation of GSOMIA and of
// Japan's two export-control measures, quoted verbatim from stored copies read through the
// project's search tool. What was checked for each (headline, address, publisher, date twice) is
// in docs/demo-data-sources.md ("Positions"). Sources already in demo-data.ts are named by key.

export type TDemoPosition = {
  /** Stable key, for `supersedes`. */
  key: string;
  /** Slug of the agreement or measure the position is about. */
  subject: string;
  party: string;
  speaker: string;
  /** Verbatim, in quoteLanguage. */
  quote: string;
  quoteLanguage: string;
  translation?: string;
  translationNote?: string;
  /** "YYYY-MM-DD" in timeZone. */
  statedOn: string;
  timeZone: string;
  source: string;
  locator?: string;
  /** Key of the same party's earlier position on the same subject that this one replaces. */
  supersedes?: string;
};

export const positionSources: TDemoSource[] = [
  {
    key: "mofa-2019-08-22",
    url: "https://www.mofa.go.jp/press/release/press4e_002598.html",
    title: "Regarding the Decision by the Government of the Republic of Korea to Terminate the Japan-ROK GSOMIA (Statement by Foreign Minister Taro Kono)",
    publisher: "Ministry of Foreign Affairs of Japan",
    authors: [],
    publishedAt: "2019-08-22",
    kind: "GOVERNMENT",
    reliability: "A",
    reliabilityNote: "Japan's foreign ministry, stating its own government's position (English press release).",
    language: "en",
  },
  {
    key: "nikkei-2019-07-02",
    url: "https://www.nikkei.com/article/DGXMZO46838220S9A700C1EAF000/",
    title: "対韓輸出規制「WTO協定に反せず」 世耕経産相",
    publisher: "日本経済新聞 (Nikkei)",
    authors: [],
    publishedAt: "2019-07-02",
    kind: "NEWS",
    reliability: "B",
    reliabilityNote: "Japanese business daily; usually reliable. The stored copy shows no date line: the date is the press conference \"2日\" after METI's announcement \"1日\" (1 July 2019, already in the seed).",
    language: "ja",
  },
  {
    key: "yonhap-2019-07-18",
    url: "https://en.yna.co.kr/view/AEN20190718009800315",
    title: "(2nd LD) Moon, political party chiefs united against Japan's export restrictions",
    publisher: "Yonhap News Agency",
    authors: ["Lee Chi-dong"],
    publishedAt: "2019-07-18",
    kind: "NEWS",
    reliability: "B",
    reliabilityNote: "South Korean wire agency; usually reliable. Quotes the joint press statement.",
    language: "en",
    publisherGroup: "Yonhap",
  },
  {
    key: "koreaherald-2019-08-02",
    url: "https://m.koreaherald.com/view.php?ud=20190802000547",
    title: "Full text of President Moon Jae-in’s statement on Japan’s latest trade curbs",
    publisher: "The Korea Herald",
    authors: ["Choi He-suk"],
    publishedAt: "2019-08-02T15:53:00+09:00",
    kind: "NEWS",
    reliability: "B",
    reliabilityNote: "South Korean English-language daily; carries the \"unofficial edited translation provided by Cheong Wa Dae\".",
    language: "en",
  },
  {
    key: "kyodo-blog-2019-08-27",
    url: "https://dtrip.hatenadiary.com/entry/2019/08/27/125721",
    title: "優遇対象、あす韓国を除外 世耕経産相「粛々と運用」",
    publisher: "共同通信 (Kyodo News), reposted on a personal blog",
    authors: [],
    publishedAt: "2019-08-27",
    kind: "NEWS",
    reliability: "C",
    reliabilityNote: "A Kyodo report as reposted on a Hatena blog (credited \"共同通信\"); the wording matches TV Asahi's report of the same press conference, but the copy is not Kyodo's own.",
    language: "ja",
  },
];

export const demoPositions: TDemoPosition[] = [
  {
    key: "jp-three-materials-seko-2019-07-02",
    subject: "japan-export-controls-semiconductor-materials",
    party: "JPN",
    speaker: "Hiroshige Seko, Minister of Economy, Trade and Industry (press conference after the cabinet meeting)",
    quote: "安全保障上の適切な輸出管理に必要な見直しだ",
    quoteLanguage: "ja",
    translation: "It is a review needed for appropriate export control from the standpoint of national security.",
    translationNote: "Pactwatch's translation",
    statedOn: "2019-07-02",
    timeZone: "Asia/Tokyo",
    source: "nikkei-2019-07-02",
    locator: "paragraph 1",
  },
  {
    key: "kr-three-materials-moon-parties-2019-07-18",
    subject: "japan-export-controls-semiconductor-materials",
    party: "KOR",
    speaker: "President Moon Jae-in and the leaders of five political parties (joint press statement, as read by their spokespersons)",
    quote: "shared the perception that Japan's measure of export restrictions are unfair economic reprisal that contravenes the free trade order",
    quoteLanguage: "en",
    translationNote: "English as reported by Yonhap; the statement was made in Korean",
    statedOn: "2019-07-18",
    timeZone: "Asia/Seoul",
    source: "yonhap-2019-07-18",
    locator: "paragraph 4",
  },
  {
    key: "kr-white-list-moon-2019-08-02",
    subject: "japan-removes-korea-from-white-list",
    party: "KOR",
    speaker: "President Moon Jae-in (opening remarks at an emergency Cabinet meeting)",
    quote: "No matter what pretexts are given, Japan’s decision is undeniable trade retaliation against our Supreme Court’s rulings on Korean victims of forced labor during colonial rule.",
    quoteLanguage: "en",
    translationNote: "Unofficial edited translation provided by Cheong Wa Dae; spoken in Korean",
    statedOn: "2019-08-02",
    timeZone: "Asia/Seoul",
    source: "koreaherald-2019-08-02",
    locator: "paragraph 5 of the statement",
  },
  {
    key: "jp-white-list-seko-2019-08-27",
    subject: "japan-removes-korea-from-white-list",
    party: "JPN",
    speaker: "Hiroshige Seko, Minister of Economy, Trade and Industry (press conference after the cabinet meeting)",
    quote: "輸出管理を適切に実施するための(国内の)運用見直しだ",
    quoteLanguage: "ja",
    translation: "It is a review of (domestic) operations in order to carry out export control appropriately.",
    translationNote: "Pactwatch's translation; the bracketed word is Kyodo's",
    statedOn: "2019-08-27",
    timeZone: "Asia/Tokyo",
    source: "kyodo-blog-2019-08-27",
    locator: "paragraph 2",
  },
  {
    key: "kr-gsomia-kim-2019-08-22",
    subject: "gsomia",
    party: "KOR",
    speaker: "Kim You-geun, deputy director of the presidential National Security Office (Cheong Wa Dae briefing)",
    quote: "By removing Korea from its whitelist, Japan caused serious changes in bilateral cooperation on national security.",
    quoteLanguage: "en",
    translationNote: "English as broadcast by KBS News; said in Korean",
    statedOn: "2019-08-22",
    timeZone: "Asia/Seoul",
    source: "kbs-2019-08-23",
    locator: "second soundbite",
  },
  {
    key: "jp-gsomia-kono-2019-08-22",
    subject: "gsomia",
    party: "JPN",
    speaker: "Taro Kono, Minister for Foreign Affairs (statement)",
    quote: "In its announcement, the Government of the ROK linked its decision to terminate the GSOMIA with Japan’s recent update of its licensing policies and procedures for export control in the context of security; yet these two issues are of totally different nature.",
    quoteLanguage: "en",
    translationNote: "The ministry's own English text",
    statedOn: "2019-08-22",
    timeZone: "Asia/Tokyo",
    source: "mofa-2019-08-22",
    locator: "point 4",
  },
  {
    key: "kr-gsomia-kim-2019-11-22",
    subject: "gsomia",
    party: "KOR",
    speaker: "Kim You-geun, deputy director of the presidential National Security Office (Cheong Wa Dae briefing)",
    quote: "under the condition that the effect of GSOMIA can be ended at any time, decided to halt the effect of the announcement of the end of its validity on Aug. 23",
    quoteLanguage: "en",
    translationNote: "English as reported by The Korea Herald; said in Korean",
    statedOn: "2019-11-22",
    timeZone: "Asia/Seoul",
    source: "koreaherald-2019-11-22",
    locator: "paragraph 2",
    supersedes: "kr-gsomia-kim-2019-08-22",
  },
];
