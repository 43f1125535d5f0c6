// The demo dataset (SPEC §8): the Japan–South Korea GSOMIA and export-control episode, 2016–2023.
// Every date, title and quote below was checked against a stored copy of the source; what was
// checked, what disagrees and what was left out is written down in docs/demo-data-sources.md.
// Quotes are verbatim (or, for Japanese sources, verbatim in `quoteOriginal` with our English
// translation in `quote`, as the Citation model documents).

import type {
  TDemoAgreement,
  TDemoDataset,
  TDemoLink,
  TDemoMeasure,
  TDemoSource,
} from "./types";

// ---------------------------------------------------------------------------------------------
// Sources
// ---------------------------------------------------------------------------------------------

const sources: TDemoSource[] = [
  // --- GSOMIA, 2016 ---
  {
    key: "kyodo-2016-11-14",
    url: "http://english.kyodonews.jp/news/2016/11/444001.html",
    title: "Japan, South Korea agree to sign military intelligence pact",
    publisher: "Kyodo News",
    authors: [],
    publishedAt: "2016-11-14",
    kind: "NEWS",
    reliability: "B",
    reliabilityNote: "Japanese national wire agency; usually reliable.",
    language: "en",
  },
  {
    key: "defenseworld-2016-11-12",
    url: "https://www.defenseworld.net/news/17636/South_Korea__Japan_To_Share_Intelligence_on_North",
    title: "South Korea, Japan To Share Intelligence on North",
    publisher: "Defense World",
    authors: [],
    publishedAt: "2016-11-12",
    kind: "NEWS",
    reliability: "C",
    reliabilityNote:
      "Trade news site relaying Yonhap; written before the talks, so it reports a plan, not an outcome.",
    language: "en",
  },
  {
    key: "kyodo-2016-11-23",
    url: "http://english.kyodonews.jp/news/2016/11/445547.html",
    title: "S. Korea, Japan sign pact on military intelligence sharing",
    publisher: "Kyodo News",
    authors: [],
    publishedAt: "2016-11-23",
    kind: "NEWS",
    reliability: "B",
    reliabilityNote: "Japanese national wire agency; usually reliable.",
    language: "en",
  },
  {
    key: "mod-japan-2016-11-23",
    url: "http://www.mod.go.jp/m/news/2016/11/23a.html",
    title: "日韓秘密軍事情報保護協定の署名",
    publisher: "Ministry of Defense of Japan",
    authors: [],
    publishedAt: "2016-11-23",
    kind: "GOVERNMENT",
    reliability: "A",
    reliabilityNote: "A party's own announcement of an act it took part in.",
    language: "ja",
  },
  {
    key: "wikisource-gsomia-art21",
    url: "https://en.m.wikisource.org/wiki/Page:Japan-Korea_GSOMIA_(English_Text).pdf/10",
    title: "Page:Japan-Korea GSOMIA (English Text).pdf/10",
    publisher: "Wikisource",
    authors: [],
    publishedAt: "2016-11-23",
    kind: "TREATY_TEXT",
    reliability: "C",
    reliabilityNote:
      "Volunteer transcription (marked validated) of the English text of the agreement; publishedAt is the date of the text, not of the page.",
    language: "en",
  },
  // --- GSOMIA, 2019 ---
  {
    key: "yonhap-2019-08-22",
    url: "https://en.yna.co.kr/view/AEN20190822011753315",
    title: "(3rd LD) S. Korea to ditch military info-sharing pact with Japan amid trade fight",
    publisher: "Yonhap News Agency",
    publisherGroup: "Yonhap",
    authors: ["Lee Chi-dong"],
    publishedAt: "2019-08-22T20:36:00+09:00",
    kind: "NEWS",
    reliability: "B",
    reliabilityNote: "South Korean national wire agency; usually reliable on Seoul's own announcements.",
    language: "en",
  },
  {
    key: "kbs-2019-08-23",
    url: "http://news.kbs.co.kr/news/view.do?ncd=4268740",
    title: "SOUTH KOREA TO TERMINATE GSOMIA",
    publisher: "KBS News",
    authors: [],
    publishedAt: "2019-08-23T15:05:00+09:00",
    kind: "NEWS",
    reliability: "B",
    reliabilityNote: "South Korean public broadcaster (English news script); usually reliable.",
    language: "en",
  },
  {
    key: "yonhap-2019-08-23",
    url: "https://m-en.yna.co.kr/view/AEN20190823004651325",
    title: "(LEAD) S. Korea officially notifies Japan of intent to end military pact",
    publisher: "Yonhap News Agency",
    publisherGroup: "Yonhap",
    authors: ["Song Sang-ho"],
    publishedAt: "2019-08-23T17:37:00+09:00",
    kind: "NEWS",
    reliability: "B",
    reliabilityNote: "South Korean national wire agency; usually reliable.",
    language: "en",
  },
  {
    key: "nyt-2019-11-22",
    url: "https://www.nytimes.com/2019/11/22/world/asia/japan-south-korea-intelligence.html",
    title: "At Last Minute, South Korea Holds Off on Leaving Intelligence Pact With Japan",
    publisher: "The New York Times",
    // The byline is not in any stored copy; the contributing credit is (SPEC §8, reference file).
    authors: ["Choe Sang-Hun (contributed reporting from Seoul)"],
    publishedAt: "2019-11-22",
    kind: "NEWS",
    reliability: "B",
    reliabilityNote:
      "Major newspaper; usually reliable. Revised many times on the day; quote taken from wording present in every stored version. Byline not visible in any stored copy; only the contributing credit is recorded.",
    language: "en",
  },
  {
    key: "yonhap-2019-11-22",
    url: "https://m-en.yna.co.kr/view/AEN20191122008800315",
    title: "(LEAD) S. Korea decides to 'conditionally' suspend termination of Seoul-Tokyo military pact",
    publisher: "Yonhap News Agency",
    publisherGroup: "Yonhap",
    authors: [],
    publishedAt: "2019-11-22",
    kind: "NEWS",
    reliability: "B",
    reliabilityNote: "South Korean national wire agency; usually reliable.",
    language: "en",
  },
  {
    key: "koreaherald-2019-11-22",
    url: "https://www.koreaherald.com/view.php?ud=20191122000579",
    title: "Seoul holds off on ending GSOMIA",
    publisher: "The Korea Herald",
    authors: ["Choi He-suk"],
    publishedAt: "2019-11-22T18:24:00+09:00",
    kind: "NEWS",
    reliability: "B",
    reliabilityNote: "South Korean English-language daily; usually reliable.",
    language: "en",
  },
  {
    key: "yonhap-2019-11-22-history",
    url: "https://m-en.yna.co.kr/view/AEN20191122001800325",
    title: "First military pact between S. Korea, Japan pulled from brink of expiry",
    publisher: "Yonhap News Agency",
    publisherGroup: "Yonhap",
    authors: ["Oh Seok-min"],
    publishedAt: "2019-11-22",
    kind: "NEWS",
    reliability: "B",
    reliabilityNote: "South Korean national wire agency; background piece on the pact's history.",
    language: "en",
  },
  // --- GSOMIA, 2020 ---
  {
    key: "hankyoreh-2020-08-05",
    url: "https://english.hani.co.kr/arti/english_edition/e_international/956591",
    title: "GSOMIA can be terminated at any time, S. Korea’s foreign ministry spokesperson says",
    publisher: "The Hankyoreh",
    authors: [],
    publishedAt: "2020-08-05T17:48:00+09:00",
    kind: "NEWS",
    reliability: "B",
    reliabilityNote:
      "South Korean daily (English edition); usually reliable. One translated sentence wrongly says 'South Korea-US GSOMIA'.",
    language: "en",
  },
  {
    key: "hankyoreh-2020-08-24",
    url: "http://english.hani.co.kr/arti/english_edition/e_national/959124.html",
    title: "S. Korea, Japan likely to maintain GSOMIA for time being",
    publisher: "The Hankyoreh",
    authors: [],
    publishedAt: "2020-08-24T17:11:00+09:00",
    kind: "NEWS",
    reliability: "B",
    reliabilityNote: "South Korean daily (English edition); usually reliable.",
    language: "en",
  },
  {
    key: "arirang-2020-08-24",
    url: "http://www.arirang.co.kr/News/News_View.asp?nseq=263761",
    title: "S. Korea, Japan remain divided on termination of intel-sharing pact",
    publisher: "Arirang News",
    authors: ["Kim Hyo-sun"],
    publishedAt: "2020-08-24",
    kind: "NEWS",
    reliability: "B",
    reliabilityNote: "South Korean public international broadcaster; usually reliable.",
    language: "en",
  },
  // --- GSOMIA, 2023 ---
  {
    key: "yonhap-2023-03-16",
    url: "https://m-en.yna.co.kr/view/AEN20230315007558315",
    title: "(6th LD) Yoon announces 'complete normalization' of military intel-sharing pact with Japan",
    publisher: "Yonhap News Agency",
    publisherGroup: "Yonhap",
    authors: ["Lee Haye-ah"],
    publishedAt: "2023-03-16T19:14:00+09:00",
    kind: "NEWS",
    reliability: "B",
    reliabilityNote: "South Korean national wire agency; usually reliable.",
    language: "en",
  },
  {
    key: "yomiuri-2023-03-17",
    url: "https://japannews.yomiuri.co.jp/politics/defense-security/20230317-97916/",
    title: "Japan, S. Korea Confirm Normalization of Military Info-Sharing Agreement",
    publisher: "The Japan News (The Yomiuri Shimbun)",
    authors: [],
    publishedAt: "2023-03-17T14:08:00+09:00",
    kind: "NEWS",
    reliability: "B",
    reliabilityNote: "Japanese national daily (English edition); usually reliable.",
    language: "en",
  },
  {
    key: "news360-2023-03-18",
    url: "https://news360.es/australia/2023/03/18/south-korea-and-japan-finalize-unprecedented-pact-to-normalize-military-intelligence-sharing/",
    title: "South Korea and Japan finalize unprecedented pact to normalize military intelligence sharing",
    publisher: "News360",
    authors: [],
    publishedAt: "2023-03-18",
    kind: "NEWS",
    reliability: "C",
    reliabilityNote:
      "Spanish news site republishing agency copy in English; fairly reliable. Its report of 18 Mar 2023 says Seoul withdrew from GSOMIA in 2019, which it never did (see the erratum on its citation).",
    language: "en",
  },
  {
    key: "koreaherald-2023-03-21",
    url: "https://www.koreaherald.com/view.php?ud=20230321000576",
    title: "Korea readies to normalize GSOMIA",
    publisher: "The Korea Herald",
    authors: ["Shin Ji-hye"],
    publishedAt: "2023-03-21T14:58:00+09:00",
    kind: "NEWS",
    reliability: "B",
    reliabilityNote:
      "South Korean English-language daily; usually reliable. The article was rewritten after first publication (the headline may have changed); the quote used is present in both stored versions.",
    language: "en",
  },
  {
    key: "arabnews-jp-2023-03-21",
    url: "https://www.arabnews.jp/en/japan/article_92252/",
    title: "S. Korea to restore Japan’s trusted trading partner status",
    publisher: "Arab News Japan (Jiji Press)",
    authors: [],
    publishedAt: "2023-03-21",
    kind: "NEWS",
    reliability: "B",
    reliabilityNote: "Jiji Press wire copy republished by Arab News Japan; usually reliable.",
    language: "en",
  },
  // --- Japan's export controls on three materials ---
  {
    key: "jiia-2019-07-17",
    url: "https://jiia.or.jp/en/strategic_comment/2019/07/column-25.html",
    title:
      "JIIA Strategic Comments(No.11): An Update of Licensing Policies and Procedures on Export Controls for South Korea (ROK)",
    publisher: "The Japan Institute of International Affairs",
    authors: ["Yoshiaki Takayama"],
    publishedAt: "2019-07-17",
    kind: "ANALYSIS",
    reliability: "B",
    reliabilityNote:
      "Japanese foreign-policy think tank; reliable on the facts of the measure, sympathetic to Tokyo's framing.",
    language: "en",
  },
  {
    key: "koreaherald-2019-08-22-chronology",
    url: "https://m.koreaherald.com/view.php?ud=20190822000787",
    title: "Key developments leading to S. Korea's decision to end information-sharing pact with Japan",
    publisher: "The Korea Herald (Yonhap)",
    authors: [],
    publishedAt: "2019-08-22T19:34:00+09:00",
    kind: "NEWS",
    reliability: "B",
    reliabilityNote: "Yonhap chronology republished by The Korea Herald; usually reliable.",
    language: "en",
    // The reference: "Yonhap chronology in Korea Herald" (shared/reference/gsomia-episode.md).
    publisherGroup: "Yonhap",
  },
  {
    key: "meti-2019-09-03",
    url: "https://www.meti.go.jp/english/press/2019/0903_001.html",
    title:
      "METI submitted opinions and questions regarding the plans of the ROK to revise the Public Notice of the Exportation and Importation of Strategic Items",
    publisher: "Ministry of Economy, Trade and Industry (Japan)",
    authors: [],
    publishedAt: "2019-09-03",
    kind: "GOVERNMENT",
    reliability: "A",
    reliabilityNote: "Japanese trade ministry; authoritative on the dates of its own measures.",
    language: "en",
  },
  {
    key: "meti-2019-11-08",
    url: "https://www.meti.go.jp/english/press/2019/1108_001.html",
    title:
      "Japan to Hold Consultations with the Government of the Republic of Korea (ROK) under the WTO Agreement Regarding Japan’s Update of Licensing Policies and Procedures on Exports of Controlled Items to the ROK",
    publisher: "Ministry of Economy, Trade and Industry (Japan)",
    authors: [],
    publishedAt: "2019-11-08",
    kind: "GOVERNMENT",
    reliability: "A",
    reliabilityNote: "Japanese trade ministry; authoritative on the dates of its own measures.",
    language: "en",
  },
  {
    key: "yonhap-2019-12-20",
    url: "https://m-en.yna.co.kr/view/AEN20191220009100320",
    title: "Japan to ease export curbs against S. Korea",
    publisher: "Yonhap News Agency",
    publisherGroup: "Yonhap",
    authors: [],
    publishedAt: "2019-12-20",
    kind: "NEWS",
    reliability: "B",
    reliabilityNote: "South Korean national wire agency; usually reliable.",
    language: "en",
  },
  {
    key: "philstar-afp-2019-12-24",
    url: "https://www.philstar.com/business/2019/12/24/1979329/japan-lifts-curbs-export-key-chip-material-south-korea",
    title: "Japan lifts curbs on export of key chip material to South Korea",
    publisher: "The Philippine Star (Agence France-Presse)",
    authors: [],
    publishedAt: "2019-12-24",
    kind: "NEWS",
    reliability: "B",
    reliabilityNote:
      "AFP wire copy; usually reliable, but this piece overstates the scope of the 20 Dec 2019 step (see docs).",
    language: "en",
  },
  {
    key: "meti-2023-03-16",
    url: "https://www.meti.go.jp/english/press/2023/0316_001.html",
    title: "Japan-Korea Export Control Policy Dialogue Held",
    publisher: "Ministry of Economy, Trade and Industry (Japan)",
    authors: [],
    publishedAt: "2023-03-16",
    kind: "GOVERNMENT",
    reliability: "A",
    reliabilityNote:
      "Japanese trade ministry's own announcement (text corrected on 18 March 2023 per the page).",
    language: "en",
  },
  {
    key: "nhkworld-2023-03-16",
    url: "https://www3.nhk.or.jp/nhkworld/en/news/20230316_37/",
    title: "Japan to ease rules on chip materials exports to S.Korea",
    publisher: "NHK World-Japan",
    authors: [],
    publishedAt: "2023-03-16",
    kind: "NEWS",
    reliability: "B",
    reliabilityNote: "Japanese public broadcaster; usually reliable.",
    language: "en",
  },
  {
    key: "meti-2023-03-17-presser",
    url: "https://www.meti.go.jp/english/speeches/press_conferences/2023/0317001.html",
    title: "Press Conference by Minister Nishimura (Excerpt)",
    publisher: "Ministry of Economy, Trade and Industry (Japan)",
    authors: [],
    publishedAt: "2023-03-17",
    kind: "GOVERNMENT",
    reliability: "A",
    reliabilityNote: "Provisional translation of the minister's press conference, published by METI.",
    language: "en",
  },
  {
    key: "nikkei-2023-03-23",
    url: "https://www.nikkei.com/article/DGXZQOUA236I70T20C23A3000000/",
    title: "韓国向け半導体3品目、輸出管理緩和 経産省が通達改正",
    publisher: "Nikkei",
    authors: [],
    publishedAt: "2023-03-23",
    kind: "NEWS",
    reliability: "B",
    reliabilityNote: "Japanese business daily; usually reliable.",
    language: "ja",
  },
  {
    key: "jiji-2023-03-23",
    url: "https://www.jiji.com/jc/article?k=2023032300989&g=pol",
    title: "半導体輸出規制を緩和 韓国向け、通達改正―経産省",
    publisher: "Jiji Press",
    authors: [],
    publishedAt: "2023-03-23T18:48:00+09:00",
    kind: "NEWS",
    reliability: "B",
    reliabilityNote: "Japanese wire agency; usually reliable.",
    language: "ja",
  },
  // --- Japan removes South Korea from its white list ---
  {
    key: "taiwannews-2019-08-02",
    url: "https://www.taiwannews.com.tw/en/news/3757144",
    title: "Japan’s Cabinet approves removal of S. Korea from ‘white list’",
    publisher: "Taiwan News",
    authors: ["Zin Kao"],
    publishedAt: "2019-08-02",
    kind: "NEWS",
    reliability: "C",
    reliabilityNote:
      "Secondary report relying on Sankei, Yonhap and others; dates agree with primary reporting, but it editorialises ('retaliatory measure').",
    language: "en",
  },
  {
    key: "donga-2019-08-28",
    url: "https://www.donga.com/en/article/all/20190828/1830629/1",
    title: "Japan to remove S. Korea from its ‘white list’ from Wednesday",
    publisher: "The Dong-A Ilbo",
    authors: [],
    publishedAt: "2019-08-28T07:23:00+09:00",
    kind: "NEWS",
    reliability: "B",
    reliabilityNote: "South Korean national daily (English edition); usually reliable.",
    language: "en",
  },
  {
    key: "kbs-2019-08-28",
    url: "http://news.kbs.co.kr/news/view.do?ncd=4271844",
    title: "JAPAN'S REMOVAL OF S.KOREA FROM WHITELIST",
    publisher: "KBS News",
    authors: [],
    publishedAt: "2019-08-28T15:20:00+09:00",
    kind: "NEWS",
    reliability: "B",
    reliabilityNote: "South Korean public broadcaster (English news script); usually reliable.",
    language: "en",
  },
  {
    key: "yonhap-2023-06-27",
    url: "https://en.yna.co.kr/view/AEN20230627002251320",
    title: "(LEAD) Japan to put S. Korea back on preferential trade partner list after 4 years",
    publisher: "Yonhap News Agency",
    publisherGroup: "Yonhap",
    authors: [],
    publishedAt: "2023-06-27",
    kind: "NEWS",
    reliability: "B",
    reliabilityNote: "South Korean national wire agency, relaying Seoul's trade ministry.",
    language: "en",
  },
  {
    key: "kbsworld-2023-06-27",
    url: "http://world.kbs.co.kr/service/news_view.htm?lang=e&Seq_Code=178743",
    title: "Japan Reinstates S. Korea to Trade Whitelist After 4 Years",
    publisher: "KBS World",
    authors: [],
    publishedAt: "2023-06-27T13:45:59+09:00",
    kind: "NEWS",
    reliability: "B",
    reliabilityNote: "South Korean public broadcaster's international service; usually reliable.",
    language: "en",
  },
  {
    key: "donga-2023-06-28",
    url: "https://donga.com/en/article/all/20230628/4252885/1",
    title: "S. Korea reinstated in Japan’s whitelist in 4 years",
    publisher: "The Dong-A Ilbo",
    authors: [],
    publishedAt: "2023-06-28T08:00:00+09:00",
    kind: "NEWS",
    reliability: "B",
    reliabilityNote: "South Korean national daily (English edition); usually reliable.",
    language: "en",
  },
  // --- South Korea removes Japan from its white list ---
  {
    key: "thehindu-2019-08-12",
    url: "https://www.thehindu.com/news/international/south-korea-to-remove-japan-from-preferred-trade-list/article28996213.ece",
    title: "South Korea to remove Japan from preferred trade list",
    publisher: "The Hindu",
    authors: [],
    publishedAt: "2019-08-12",
    kind: "NEWS",
    reliability: "B",
    reliabilityNote: "Indian national daily carrying wire reporting; usually reliable.",
    language: "en",
  },
  {
    key: "donga-2019-08-13",
    url: "http://www.donga.com/en/article/all/20190813/1816334/1/Seoul-to-remove-Japan-from-its-white-list",
    title: "Seoul to remove Japan from its ‘white list’",
    publisher: "The Dong-A Ilbo",
    authors: ["Hye-Ryung Choi"],
    publishedAt: "2019-08-13T07:43:00+09:00",
    kind: "NEWS",
    reliability: "B",
    reliabilityNote: "South Korean national daily (English edition); usually reliable.",
    language: "en",
  },
  {
    key: "straitstimes-ap-2019-09-18",
    url: "https://www.straitstimes.com/asia/east-asia/south-korea-downgrades-japan-trade-status-as-dispute-deepens",
    title: "South Korea downgrades Japan trade status as dispute deepens",
    publisher: "The Straits Times (Associated Press)",
    authors: [],
    publishedAt: "2019-09-18",
    kind: "NEWS",
    reliability: "B",
    reliabilityNote: "AP wire copy; usually reliable.",
    language: "en",
  },
  {
    key: "premiumtimes-dpa-2019-09-18",
    url: "https://www.premiumtimesng.com/foreign/352914-south-korea-drops-japan-from-list-of-trusted-trade-partners.html",
    title: "South Korea drops Japan from list of trusted trade partners",
    publisher: "Premium Times (dpa/NAN)",
    authors: [],
    publishedAt: "2019-09-18",
    kind: "NEWS",
    reliability: "B",
    reliabilityNote: "dpa wire copy relaying Yonhap; usually reliable.",
    language: "en",
  },
  {
    key: "asiae-2023-04-24",
    url: "https://cm.asiae.co.kr/en/article/2023042407380895785",
    title: "Government to Reinstate Japan's White List from the 24th",
    publisher: "The Asia Business Daily (Asia Economy)",
    authors: [],
    publishedAt: "2023-04-24",
    kind: "NEWS",
    reliability: "C",
    reliabilityNote:
      "South Korean business daily, English edition apparently machine-translated; facts agree with Yonhap.",
    language: "en",
  },
  {
    key: "koreaherald-2023-04-28",
    url: "https://www.koreaherald.com/view.php?ud=20230428000625",
    title: "Japan begins process to put S. Korea back on export 'white list'",
    publisher: "The Korea Herald (Yonhap)",
    authors: [],
    publishedAt: "2023-04-28T19:30:00+09:00",
    kind: "NEWS",
    reliability: "B",
    reliabilityNote: "Yonhap copy republished by The Korea Herald; usually reliable.",
    language: "en",
  },
];

import { conditionSources, demoConditions } from "./demo-conditions";
import { demoPositions, positionSources } from "./demo-positions";

// ---------------------------------------------------------------------------------------------
// Agreement: GSOMIA
// ---------------------------------------------------------------------------------------------

const gsomia: TDemoAgreement = {
  slug: "gsomia",
  title: "General Security of Military Information Agreement",
  shortName: "GSOMIA",
  kind: "SECURITY",
  parties: ["JPN", "KOR"],
  signedOn: "2016-11-23",
  inForceOn: "2016-11-23",
  termMonths: 12,
  autoRenews: true,
  noticeDays: 90,
  timeZone: "Asia/Seoul",
  summary:
    "Bilateral agreement under which Japan and South Korea protect classified military information they share, chiefly on North Korea's nuclear and missile programmes. It runs for one year at a time and is extended automatically unless either party gives written notice through the diplomatic channel ninety days in advance (Article 21(3)).",
  changes: [
    {
      key: "gsomia-talks-concluded-2016",
      status: "NEGOTIATING",
      headline: "Japan and South Korea agree in Tokyo to sign GSOMIA",
      body: "A third round of working-level talks in Tokyo ends with the two governments agreeing to sign the intelligence-sharing pact once domestic procedures are complete. The deal had been shelved in 2012 after opposition in South Korea.",
      occurredOn: "2016-11-14",
      timeZone: "Asia/Tokyo",
      direction: "NEUTRAL",
      citations: [
        {
          source: "kyodo-2016-11-14",
          quote:
            "Japan and South Korea agreed Monday to sign a pact to share military intelligence, Japan's Foreign Ministry said",
          locator: "paragraph 1",
          credibility: 2,
        },
        {
          source: "defenseworld-2016-11-12",
          quote: 'They will "tentatively sign the agreement during the talks."',
          locator: "paragraph 4",
          credibility: 3,
        },
      ],
    },
    {
      key: "gsomia-signed-2016",
      status: "SIGNED",
      headline: "GSOMIA signed in Seoul",
      body: "South Korean Defence Minister Han Min-koo and Japanese Ambassador Yasumasa Nagamine sign the agreement at South Korea's Defence Ministry. It is the first military agreement between the two countries since 1945.",
      occurredOn: "2016-11-23",
      timeZone: "Asia/Seoul",
      direction: "NEUTRAL",
      citations: [
        {
          source: "mod-japan-2016-11-23",
          quote:
            "Today, the 23rd, in Seoul, the Agreement between the Government of Japan and the Government of the Republic of Korea on the Protection of Classified Military Information was signed by Yasumasa Nagamine, Ambassador of Japan to the Republic of Korea, and Han Min-koo, Minister of National Defense of the Republic of Korea.",
          quoteOriginal:
            "本23日、ソウルにおいて、長嶺安政駐韓国日本大使と韓民求(ハン・ミング)韓国国防部長官との間で、「秘密軍事情報の保護に関する日本国政府と大韓民国政府との間の協定」の署名が行われました。",
          quoteLanguage: "ja",
          locator: "item 1",
          credibility: 1,
        },
        {
          source: "kyodo-2016-11-23",
          quote:
            "South Korean Defense Minister Han Min Koo and Japanese Ambassador Yasumasa Nagamine inked the deal, known as the General Security of Military Information Agreement, at South Korea's Defense Ministry.",
          locator: "paragraph 2",
          credibility: 1,
        },
      ],
    },
    {
      key: "gsomia-in-force-2016",
      status: "IN_FORCE",
      headline: "GSOMIA enters into force on the day of signature",
      body: "The agreement takes effect on 23 November 2016 without parliamentary ratification. From then on it renews each year on its anniversary unless a party gives ninety days' written notice.",
      occurredOn: "2016-11-23",
      timeZone: "Asia/Seoul",
      direction: "NEUTRAL",
      citations: [
        {
          source: "kyodo-2016-11-23",
          quote: "It will go into effect immediately as it does not require parliamentary ratification.",
          locator: "paragraph 3",
          credibility: 1,
        },
        {
          source: "yonhap-2019-11-22-history",
          quote:
            "was signed on November 23, 2016, between then-South Korean Defense Minister Han Min-koo and then-Japanese Ambassador to South Korea Yasumasa Nagamine in Seoul, effective immediately",
          locator: "paragraph 2",
          credibility: 1,
        },
        {
          source: "hankyoreh-2020-08-24",
          quote: "GSOMIA, which took effect on Nov. 23, 2016",
          locator: "paragraph 4",
          credibility: 1,
        },
      ],
    },
    {
      key: "gsomia-termination-scheduled",
      status: "TERMINATED",
      headline: "Seoul decides to terminate GSOMIA at the end of its current term",
      body: "Citing a \"grave change\" in security cooperation after Japan dropped South Korea from its white list, the presidential office announces that South Korea will end the pact and notify Tokyo before the 24 August notice deadline. Under Article 21(3) the agreement would then lapse when its current one-year term ends, at midnight on 22–23 November 2019 (Seoul time).",
      occurredOn: "2019-08-22",
      timeZone: "Asia/Seoul",
      effectiveAt: "2019-11-23T00:00:00+09:00",
      direction: "ESCALATION",
      citations: [
        {
          source: "yonhap-2019-08-22",
          quote:
            'South Korea announced Thursday that it\'s "terminating" a bilateral agreement with Japan on exchanging classified military information',
          locator: "paragraph 1",
          credibility: 1,
        },
        {
          source: "kbs-2019-08-23",
          quote:
            "The government has decided to end the GSOMIA pact on military intelligence protection between South Korea and Japan.",
          locator: "soundbite, Kim You-geun",
          credibility: 1,
        },
      ],
    },
    {
      key: "gsomia-notice-delivered-2019",
      status: "NOTICE_GIVEN",
      headline: "Seoul formally notifies Tokyo it will end GSOMIA",
      body: "First Vice Foreign Minister Cho Sei-young conveys South Korea's intent to terminate the agreement to Japanese Ambassador Yasumasa Nagamine, giving the written notice the agreement requires. Both sides say diplomatic dialogue should continue.",
      occurredOn: "2019-08-23",
      timeZone: "Asia/Seoul",
      direction: "ESCALATION",
      citations: [
        {
          source: "yonhap-2019-08-23",
          quote:
            "South Korea's foreign ministry called in Japan's top envoy in Seoul on Friday to officially notify Tokyo of its intent to end a bilateral military intelligence-sharing pact.",
          locator: "paragraph 1",
          credibility: 1,
        },
        {
          source: "koreaherald-2019-11-22",
          quote:
            "decided to halt the effect of the announcement of the end of its validity on Aug. 23",
          locator: "paragraph 2 (Kim You-geun)",
          credibility: 1,
        },
        {
          source: "wikisource-gsomia-art21",
          quote:
            "This Agreement shall remain in force for a period of one year and shall be automatically extended annually thereafter unless either Party notifies the other in writing through the diplomatic channel ninety days in advance of its intention to terminate the Agreement.",
          locator: "Article 21(3)",
          credibility: 2,
        },
      ],
    },
    {
      key: "gsomia-termination-suspended-2019",
      status: "PROVISIONALLY_EXTENDED",
      headline: "Seoul suspends GSOMIA termination hours before expiry",
      body: "About six hours before the pact was due to lapse, South Korea conditionally suspends the effect of its August termination notice, on the condition that it can end the agreement at any time; Japan expresses understanding. Japan agrees to resume export-control talks and Seoul halts its WTO complaint while those talks proceed.",
      occurredOn: "2019-11-22",
      timeZone: "Asia/Seoul",
      direction: "DE_ESCALATION",
      cancels: "gsomia-termination-scheduled",
      citations: [
        {
          source: "nyt-2019-11-22",
          quote:
            "Seoul decided at the last minute on Friday to temporarily extend a military intelligence-sharing pact with Japan",
          locator: "paragraph 1",
          credibility: 1,
        },
        {
          source: "yonhap-2019-11-22",
          quote:
            'South Korea announced a decision Friday to "conditionally" suspend the expiry of a military information-sharing accord with Japan.',
          locator: "paragraph 1",
          credibility: 1,
        },
        {
          source: "koreaherald-2019-11-22",
          quote:
            "under the condition that the effect of GSOMIA can be ended at any time, decided to halt the effect of the announcement of the end of its validity on Aug. 23",
          locator: "paragraph 2 (Kim You-geun)",
          credibility: 1,
        },
      ],
    },
    {
      key: "gsomia-terminable-any-time-2020",
      status: "PROVISIONALLY_EXTENDED",
      headline: "Seoul says GSOMIA can be ended at any time, regardless of date",
      body: "Ahead of the August date that used to be the annual notice deadline, South Korea's foreign ministry says the pact can be terminated whenever Seoul chooses and that yearly extension no longer applies. The pact stays in place under the 2019 suspension, with its status unresolved.",
      occurredOn: "2020-08-04",
      timeZone: "Asia/Seoul",
      direction: "NEUTRAL",
      citations: [
        {
          source: "hankyoreh-2020-08-05",
          quote:
            "GSOMIA can be ended at any time by the South Korean government, regardless of the date, and the concept of extending the agreement each year does not currently apply.",
          locator: "paragraph 3 (spokesperson Kim In-chul, 4 Aug 2020)",
          credibility: 1,
        },
        {
          source: "arirang-2020-08-24",
          quote:
            "The South Korean government can terminate GSOMIA anytime, and the concept of renewing it annually is not effective now.",
          locator: "quoted statement",
          credibility: 1,
        },
        {
          source: "hankyoreh-2020-08-24",
          quote: "Seoul maintains it can still terminate agreement at any time",
          locator: "subheading",
          credibility: 1,
        },
      ],
    },
    {
      key: "gsomia-normalisation-declared-2023",
      status: "PROVISIONALLY_EXTENDED",
      headline: "Yoon declares complete normalisation of GSOMIA at Tokyo summit",
      body: "At a joint press conference with Prime Minister Fumio Kishida, President Yoon Suk Yeol says he has declared the complete normalisation of the pact. Legally nothing changes yet: the 2019 notice and its suspension stay in place until Seoul withdraws them, so the status remains provisional.",
      occurredOn: "2023-03-16",
      timeZone: "Asia/Tokyo",
      direction: "DE_ESCALATION",
      citations: [
        {
          source: "yonhap-2023-03-16",
          quote: "I declared the complete normalization of GSOMIA at our summit a short while ago",
          locator: "paragraph 3",
          credibility: 1,
        },
        {
          source: "yomiuri-2023-03-17",
          quote:
            "South Korean President Yoon Suk Yeol on Thursday confirmed normalization of the General Security of Military Information Agreement (GSOMIA) between Seoul and Tokyo",
          locator: "paragraph 1",
          credibility: 1,
        },
        {
          source: "news360-2023-03-18",
          quote:
            "South Korea’s Defense Ministry has begun the process to normalize, after several frictions, an agreement to accelerate and deepen military intelligence sharing with Japan",
          locator: "paragraph 1",
          credibility: 1,
          erratum:
            "It says “South Korea unilaterally withdrew from the agreement in 2019”. It never did. Seoul gave notice of termination on 23 August 2019 and suspended the notice’s effect on 22 November 2019, hours before the pact would have lapsed. It never lapsed, and on 21 March 2023 Seoul withdrew both notes.",
        },
      ],
    },
    {
      key: "gsomia-restored-2023",
      status: "RESTORED",
      headline: "Seoul withdraws its 2019 notes and fully restores GSOMIA",
      body: "South Korea's foreign ministry informs Japan in writing through the diplomatic channel that it withdraws both 2019 notes: the termination notice and the suspension of its effect. This removes the legal uncertainty that had surrounded the pact since 2019.",
      occurredOn: "2023-03-21",
      timeZone: "Asia/Seoul",
      direction: "DE_ESCALATION",
      citations: [
        {
          source: "koreaherald-2023-03-21",
          quote:
            "Through this measure, the Korean government has removed institutional uncertainty related to GSOMIA",
          locator: "foreign ministry statement",
          credibility: 1,
        },
        {
          source: "arabnews-jp-2023-03-21",
          quote:
            "South Korea also on Tuesday informed Japan of its decision to fully restore a military intelligence-sharing pact between Tokyo and Seoul, known as the General Security of Military Information Agreement, or GSOMIA.",
          locator: "paragraph 5",
          credibility: 1,
        },
      ],
    },
  ],
};

// ---------------------------------------------------------------------------------------------
// Trade measures
// ---------------------------------------------------------------------------------------------

const japanExportControls: TDemoMeasure = {
  slug: "japan-export-controls-semiconductor-materials",
  title:
    "Japan's individual export licensing for fluorinated polyimide, resist and hydrogen fluoride to South Korea",
  imposing: "JPN",
  targets: ["KOR"],
  measureType: "EXPORT_CONTROL",
  products:
    "Fluorinated polyimide, resist (photoresist) and hydrogen fluoride (etching gas), and technologies related to them.",
  hsCodes: [],
  announcedOn: "2019-07-01",
  effectiveOn: "2019-07-04",
  timeZone: "Asia/Tokyo",
  summary:
    "From 4 July 2019 Japan stopped allowing bulk (multi-year) export licences for three materials used to make semiconductors and displays when shipped to South Korea, so each export needed an individual licence. Japan called it a review of export-control operation; Seoul called it retaliation for its courts' wartime forced-labour rulings. The bulk-licence route was restored on 23 March 2023.",
  changes: [
    {
      key: "jp-three-materials-announced-2019",
      status: "ANNOUNCED",
      headline: "Japan announces individual licensing for three chip materials bound for South Korea",
      body: "Japan's trade ministry says exports of fluorinated polyimide, resist and hydrogen fluoride to South Korea will need individual licences from 4 July, and starts the process of removing South Korea from its white list. South Korean chip and display makers rely heavily on Japanese supplies of these materials.",
      occurredOn: "2019-07-01",
      timeZone: "Asia/Tokyo",
      direction: "ESCALATION",
      citations: [
        {
          source: "jiia-2019-07-17",
          quote:
            "The Ministry of Economy, Trade and Industry (METI) of Japan announced on July 1 2019 that it would update the licensing policies and procedures on export controls for the ROK.",
          locator: "paragraph 1",
          credibility: 1,
        },
        {
          source: "koreaherald-2019-08-22-chronology",
          quote:
            "Japan announces plan to strengthen regulations on exports to South Korea of three materials used in semiconductor and smartphone production",
          locator: "entry for July 1",
          credibility: 1,
        },
        {
          source: "meti-2019-09-03",
          quote:
            "Japan’s update of licensing policies and procedures on exports of controlled items announced on July 1st",
          locator: "paragraph 3",
          credibility: 1,
        },
      ],
    },
    {
      key: "jp-three-materials-in-force-2019",
      status: "IN_FORCE",
      headline: "Individual licensing for three chip materials takes effect",
      body: "Japanese exporters must now apply for a licence for each shipment of the three materials, and for related technology transfers, to South Korea; the bulk licences previously available no longer apply.",
      occurredOn: "2019-07-04",
      timeZone: "Asia/Tokyo",
      direction: "ESCALATION",
      citations: [
        {
          source: "meti-2019-11-08",
          quote:
            "Since July 4, 2019, Japan requires exporters to submit applications for individual export licenses regarding the exports of Fluorinated polyimide, Resist and Hydrogen Fluoride, and the transfer of their relevant technologies to the ROK.",
          locator: "paragraph 2",
          credibility: 1,
        },
        {
          source: "koreaherald-2019-08-22-chronology",
          quote:
            "The trade restriction on South Korea-bound shipments of the three materials essential in the production of semiconductors and display panels takes effect.",
          locator: "entry for July 4",
          credibility: 1,
        },
      ],
    },
    {
      key: "jp-photoresist-eased-2019",
      status: "EASED",
      headline: "Japan partly eases licensing for photoresist",
      body: "Japan allows a multi-year bulk licence for photoresist shipments between specific companies, the first easing since July; fluorinated polyimide and hydrogen fluoride stay under individual licensing. Seoul calls the step insufficient.",
      occurredOn: "2019-12-20",
      timeZone: "Asia/Tokyo",
      direction: "DE_ESCALATION",
      citations: [
        {
          source: "yonhap-2019-12-20",
          quote:
            "Japan said Friday it will partially ease export curbs against South Korea by simplifying related procedures for one of three products subject to recent restrictions",
          locator: "paragraph 1",
          credibility: 1,
        },
        {
          source: "philstar-afp-2019-12-24",
          quote: "The ministry of economy, trade and industry on Friday removed photoresists",
          locator: "paragraph 2",
          credibility: 3,
        },
      ],
    },
    {
      key: "jp-three-materials-lifting-decided-2023",
      status: "EASED",
      headline: "Japan decides to return the three materials to bulk licensing",
      body: "After a three-day export-control dialogue with Seoul, and with South Korea withdrawing its WTO complaint, Japan's trade ministry decides to apply bulk licences to the three materials again, as before July 2019. The stricter regime stays in place until the implementing circulars are amended; the minister stresses the next day that the measures have not yet been lifted.",
      occurredOn: "2023-03-16",
      timeZone: "Asia/Tokyo",
      direction: "DE_ESCALATION",
      citations: [
        {
          source: "meti-2023-03-16",
          quote: "METI has decided to revise the current operation of export control",
          locator: "paragraph beginning 'Therefore'",
          credibility: 1,
        },
        {
          source: "nhkworld-2023-03-16",
          quote:
            "The Japanese government announced on Thursday it is set to ease controls on shipping high-tech materials to South Korea.",
          locator: "paragraph 1",
          credibility: 1,
        },
        {
          source: "meti-2023-03-17-presser",
          quote: "I would like to reiterate that the export control measures have not been lifted.",
          locator: "answer on ROK export control",
          credibility: 1,
        },
      ],
    },
    {
      key: "jp-three-materials-lifted-2023",
      status: "LIFTED",
      headline: "Japan restores bulk licensing for the three materials",
      body: "Japan's trade ministry amends its export-control circulars so that exports of the three materials to South Korea again qualify for special general bulk licences, ending the individual-licence requirement imposed in July 2019. Japan's separate decision on South Korea's white-list status is left to further talks.",
      occurredOn: "2023-03-23",
      timeZone: "Asia/Tokyo",
      direction: "DE_ESCALATION",
      citations: [
        {
          source: "nikkei-2023-03-23",
          quote:
            "On the 23rd, the Ministry of Economy, Trade and Industry announced that it had amended circulars under the Foreign Exchange Act to ease the stricter export controls on three semiconductor materials bound for South Korea.",
          quoteOriginal:
            "経済産業省は23日、韓国への半導体材料3品目の輸出管理の厳格化措置を緩和するため、外為法の通達を改正したと発表した。",
          quoteLanguage: "ja",
          locator: "paragraph 1",
          credibility: 1,
        },
        {
          source: "jiji-2023-03-23",
          quote:
            "On the 23rd, the Ministry of Economy, Trade and Industry announced that it had amended a circular based on the Foreign Exchange Act and eased the semiconductor-material export restrictions on South Korea introduced in July 2019.",
          quoteOriginal:
            "経済産業省は23日、外為法に基づく通達を改正し、2019年7月に導入した韓国への半導体素材の輸出規制を緩和したと発表した。",
          quoteLanguage: "ja",
          locator: "paragraph 1",
          credibility: 1,
        },
      ],
    },
  ],
};

const japanWhiteList: TDemoMeasure = {
  slug: "japan-removes-korea-from-white-list",
  title: "Japan's removal of South Korea from its favoured-partner (\"white\") list",
  imposing: "JPN",
  targets: ["KOR"],
  measureType: "PREFERENTIAL_LIST_REMOVAL",
  products:
    "Goods and technologies that could be diverted to military use: South Korea lost general bulk licences and became subject to catch-all controls.",
  hsCodes: [],
  announcedOn: "2019-08-02",
  effectiveOn: "2019-08-28",
  timeZone: "Asia/Tokyo",
  summary:
    "Japan moved South Korea from Group A (the former \"white countries\") to Group B of its export-control categories, the first country ever removed. The cabinet approved the change on 2 August 2019, the order was promulgated on 7 August and took effect on 28 August 2019; South Korea was returned to Group A from 21 July 2023.",
  changes: [
    {
      key: "jp-whitelist-cabinet-2019",
      status: "ANNOUNCED",
      headline: "Japan's cabinet approves removing South Korea from its white list",
      body: "The cabinet approves an amendment to the Export Trade Control Order dropping South Korea from the list of countries with simplified export procedures, effective 28 August. The move follows the July curbs on three chip materials and prompts Seoul to threaten countermeasures.",
      occurredOn: "2019-08-02",
      timeZone: "Asia/Tokyo",
      direction: "ESCALATION",
      citations: [
        {
          source: "taiwannews-2019-08-02",
          quote:
            "Japan's Cabinet on Friday morning (Aug. 2) gave the go-ahead to remove South Korea from its “white country list” (ホワイト国) effective Aug. 28",
          locator: "paragraph 1",
          credibility: 1,
        },
        {
          source: "donga-2019-08-28",
          quote:
            "Tokyo decided to downgrade South Korea from Group A of preferred trading partners to Group B at a cabinet meeting on August 2 and announced a revision of its export control law on its official gazette on August 7.",
          locator: "paragraph 1",
          credibility: 1,
        },
      ],
    },
    {
      key: "jp-whitelist-in-force-2019",
      status: "IN_FORCE",
      headline: "Japan's removal of South Korea from its white list takes effect",
      body: "From 28 August 2019, exports to South Korea of goods that could be diverted to military use lose access to general bulk licences and fall under catch-all controls. The order had been promulgated on 7 August, 21 days earlier.",
      occurredOn: "2019-08-28",
      timeZone: "Asia/Tokyo",
      direction: "ESCALATION",
      citations: [
        {
          source: "kbs-2019-08-28",
          quote:
            "Japan's removal of South Korea from its whitelist of trusted trade partners took effect Wednesday.",
          locator: "anchor lead",
          credibility: 1,
        },
        {
          source: "donga-2019-08-28",
          quote:
            "The Japanese government has confirmed that it will remove South Korea from its “white list” of trusted trading partners as planned on Wednesday.",
          locator: "paragraph 1",
          credibility: 1,
        },
      ],
    },
    {
      key: "jp-whitelist-restoration-scheduled-2023",
      status: "LIFTED",
      headline: "Japan's cabinet approves returning South Korea to Group A from 21 July",
      body: "The cabinet approves an amendment to the Export Trade Control Order adding South Korea back to the favoured-partner list, to be promulgated on 30 June and enforced from 21 July 2023. Together with the March 2023 step on the three chip materials, this reverses both of Japan's 2019 export measures against South Korea.",
      occurredOn: "2023-06-27",
      timeZone: "Asia/Tokyo",
      effectiveAt: "2023-07-21T00:00:00+09:00",
      direction: "DE_ESCALATION",
      citations: [
        {
          source: "yonhap-2023-06-27",
          quote: "which would give Seoul preferential export treatment, effective July 21",
          locator: "paragraph 2",
          credibility: 1,
        },
        {
          source: "kbsworld-2023-06-27",
          quote:
            "At a Cabinet meeting on Tuesday, the Japanese government approved a motion to revise an administrative order on trade adding South Korea back to the list, which will be enacted from July 21.",
          locator: "paragraph 2",
          credibility: 1,
        },
        {
          source: "donga-2023-06-28",
          quote: "These measures will be promulgated on Friday and implemented from July 21.",
          locator: "paragraph 2",
          credibility: 1,
        },
      ],
    },
  ],
};

const koreaWhiteList: TDemoMeasure = {
  slug: "korea-removes-japan-from-white-list",
  title: "South Korea's removal of Japan from its favoured-partner (\"white\") list",
  imposing: "KOR",
  targets: ["JPN"],
  measureType: "PREFERENTIAL_LIST_REMOVAL",
  products:
    "Strategic items exported from South Korea to Japan: longer licence review (15 days instead of 5) and more application documents.",
  hsCodes: [],
  announcedOn: "2019-08-12",
  effectiveOn: "2019-09-18",
  timeZone: "Asia/Seoul",
  summary:
    "South Korea split its top export-control group into A-1 and a new A-2 containing only Japan, with controls close to those for Group B. Announced on 12 August 2019 and in force from 18 September 2019; Japan was put back in the top group on 24 April 2023.",
  changes: [
    {
      key: "kr-whitelist-announced-2019",
      status: "ANNOUNCED",
      headline: "South Korea announces removal of Japan from its white list",
      body: "Trade Minister Sung Yun-mo says Japan will be moved into a new category, A-2, with tighter screening of strategic exports, after a 20-day comment period. The step follows Japan's removal of South Korea from its own list ten days earlier.",
      occurredOn: "2019-08-12",
      timeZone: "Asia/Seoul",
      direction: "ESCALATION",
      citations: [
        {
          source: "donga-2019-08-13",
          quote:
            "The 28 trading partners of Group A will belong to Group A1 while Japan will fall into the newly established Group A2.",
          locator: "paragraph 2",
          credibility: 1,
        },
        {
          source: "thehindu-2019-08-12",
          quote: "Mr. Sung said the changes are expected to enter effect sometime in September.",
          locator: "final paragraph",
          credibility: 1,
        },
        {
          source: "meti-2019-09-03",
          quote:
            "Japan has requested clarification regarding the ROK’s plans to revise the Public Notice of the Exportation and Importation of Strategic Items since its announcement on August 12th.",
          locator: "paragraph 5",
          credibility: 1,
        },
      ],
    },
    {
      key: "kr-whitelist-in-force-2019",
      status: "IN_FORCE",
      headline: "South Korea's downgrade of Japan's trade status takes effect",
      body: "The revised public notice on strategic items takes effect, moving Japan out of South Korea's most-trusted group. Seoul presents it as a review of its export-control system; Tokyo calls the lack of explanation regrettable.",
      occurredOn: "2019-09-18",
      timeZone: "Asia/Seoul",
      direction: "ESCALATION",
      citations: [
        {
          source: "straitstimes-ap-2019-09-18",
          quote:
            'South Korea\'s trade ministry says Japan\'s removal from a 29-member "white list" of nations enjoying minimum trade restrictions went into effect on Wednesday (Sept 18).',
          locator: "paragraph 2",
          credibility: 1,
        },
        {
          source: "premiumtimes-dpa-2019-09-18",
          quote:
            "South Korea dropped Japan from its list of trusted trade partners on Wednesday in further move in ongoing trade row.",
          locator: "paragraph 1",
          credibility: 1,
        },
      ],
    },
    {
      key: "kr-whitelist-lifted-2023",
      status: "LIFTED",
      headline: "South Korea puts Japan back on its white list",
      body: "The trade ministry publishes a revised notice in the official gazette merging categories A-1 and A-2, so Japan is again among the countries with simplified export procedures. Seoul acts ahead of Japan, whose reciprocal step needs a cabinet decision.",
      occurredOn: "2023-04-24",
      timeZone: "Asia/Seoul",
      direction: "DE_ESCALATION",
      citations: [
        {
          source: "asiae-2023-04-24",
          quote:
            "On the 24th, the Ministry of Trade, Industry and Energy announced the revised 'Strategic Materials Export and Import Notice' including Japan's reinstatement to the white list in the official gazette.",
          locator: "paragraph 2",
          credibility: 1,
        },
        {
          source: "koreaherald-2023-04-28",
          quote: "South Korea put Japan back on its white list earlier this week",
          locator: "paragraph 4",
          credibility: 1,
        },
      ],
    },
  ],
};

// ---------------------------------------------------------------------------------------------
// Links
// ---------------------------------------------------------------------------------------------

const links: TDemoLink[] = [
  {
    from: "korea-removes-japan-from-white-list",
    type: "RETALIATION_FOR",
    to: "japan-removes-korea-from-white-list",
    note: "Reported as a retaliatory, tit-for-tat response to Japan's removal of South Korea ten days earlier (The Hindu; AP via The Straits Times); Seoul officially presented it as a review of its own export-control system.",
  },
  {
    from: "gsomia",
    type: "CONDITIONAL_ON",
    to: "japan-export-controls-semiconductor-materials",
    note: "Seoul suspended its termination notice on 22 November 2019 on condition that it could end the pact at any time, and said it would decide depending on Japan's steps on its export controls (Yonhap 22 Nov 2019; Hankyoreh 5 Aug 2020). Tokyo maintained the two issues were separate.",
  },
  {
    from: "gsomia",
    type: "RELATED",
    to: "japan-removes-korea-from-white-list",
    note: "Seoul cited Japan's removal of South Korea from its white list as the reason for its August 2019 decision to terminate GSOMIA (Yonhap, 22 Aug 2019).",
  },
  {
    from: "japan-removes-korea-from-white-list",
    type: "RELATED",
    to: "japan-export-controls-semiconductor-materials",
    note: "Both measures were announced by Japan's trade ministry on 1 July 2019 as parts of one review of export controls towards South Korea.",
  },
];

export const demoData: TDemoDataset = {
  sources: [...sources, ...conditionSources, ...positionSources],
  conditions: demoConditions,
  positions: demoPositions,
  agreements: [gsomia],
  measures: [japanExportControls, japanWhiteList, koreaWhiteList],
  links,
};
