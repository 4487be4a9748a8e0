/*
 * Handbook search worker.
 *
 * Speaks Material for MkDocs' search worker protocol (SETUP -> READY,
 * QUERY -> RESULT), so Material's search box, result list, keyboard handling
 * and page highlighting (search.highlight) stay as they are; only matching
 * and ranking are ours:
 *
 *   - every word is compared on two keys, defined and tested in Python
 *     (hooks/handbook/search.py) and mirrored here exactly:
 *       fold(w)    no marks, đ -> d, lower case          ("Điều" -> "dieu")
 *       toneKey(w) marks kept, tone moved to a suffix    ("hoà", "hòa" -> "hoa~1")
 *     an equal toneKey is an exact match (1.0), an equal fold a folded one
 *     (0.5), a folded prefix a partial one (0.25: the word being typed);
 *   - documents matching more of the query's words come first; then the
 *     words' weights (title > text > the page's title and number), rarer
 *     words count more, and query words standing together as a phrase in
 *     the same order earn a bonus;
 *   - "Điều 51", "dieu 51", "article 51" put the section #dieu-51-... first.
 *
 * No eval, no new Function, no imports: works under a strict CSP.
 */
"use strict"

const SETUP = 0, READY = 1, QUERY = 2, RESULT = 3

const TONES = { "\u0300": "1", "\u0301": "2", "\u0309": "3", "\u0303": "4", "\u0323": "5" }
const TONE_MARKS = /[\u0300\u0301\u0309\u0303\u0323]/g
const WORD = /[\p{L}\p{M}\p{N}]+/gu
const NON_WORD = /[^\p{L}\p{M}\p{N}]+/u

/* Same as handbook.vietnamese.fold */
function fold(text) {
  return text.normalize("NFC")
    .replace(/[ĐÐ]/g, "D").replace(/[đð]/g, "d")
    .normalize("NFD").replace(/\p{Mn}/gu, "")
    .toLowerCase()
}

/* Same as handbook.search.tone_key */
function toneKey(word) {
  let tone = ""
  const letters = word.normalize("NFC").toLowerCase().normalize("NFD")
    .replace(TONE_MARKS, mark => { tone = TONES[mark]; return "" })
  const base = letters.normalize("NFC")
  return tone ? `${base}~${tone}` : base
}

/* Words of NFC text with their offsets */
function tokenize(text) {
  const words = []
  for (const match of text.matchAll(WORD))
    words.push([match.index, match.index + match[0].length, match[0]])
  return words
}

function escapeHTML(text) {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;")
    .replace(/>/g, "&gt;").replace(/"/g, "&quot;")
}

const LEVEL_EXACT = 1, LEVEL_FOLDED = 0.5, LEVEL_PREFIX = 0.25
const FIELD_WEIGHT = [3, 1, 0.7]            /* title, text, page context */
const TITLE = 0, TEXT = 1, CONTEXT = 2
const ARTICLE_WORDS = new Set(["dieu", "article", "art"])
const MAX_QUERY_WORDS = 12
const MAX_DOCS = 300      /* results returned */
const MAX_MARKED = 60     /* results with marked words and a teaser around them */

class HandbookIndex {

  constructor(docs) {
    this.docs = docs
    this.keyIds = new Map()        /* toneKey -> key id */
    this.keyFold = []              /* key id -> fold id */
    this.foldIds = new Map()       /* fold -> fold id */
    this.foldText = []             /* fold id -> fold */
    this.foldKeys = []             /* fold id -> [key id] */
    this.surface = new Map()       /* surface word -> key id (cache) */
    this.postings = []             /* key id -> [doc, field, position, ...] */
    this.page = new Int32Array(docs.length)   /* doc -> its page's doc */
    this.byLocation = new Map()
    let page = 0
    docs.forEach((doc, id) => {
      const [path] = doc.location.split("#")
      if (!doc.location.includes("#")) {
        page = id
        this.byLocation.set(path, id)
      } else {
        page = this.byLocation.get(path) ?? page
      }
      this.page[id] = page
      /* the index is NFC already (hooks/handbook/search.py; tested) */
      doc.text ||= ""
      this.add(id, TITLE, doc.title)
      this.add(id, TEXT, doc.text)
      if (doc.c)
        this.add(id, CONTEXT, doc.c)
    })
  }

  keyOf(word) {
    let id = this.surface.get(word)
    if (id !== undefined)
      return id
    const key = toneKey(word)
    id = this.keyIds.get(key)
    if (id === undefined) {
      id = this.keyFold.length
      this.keyIds.set(key, id)
      const folded = fold(word)
      let fid = this.foldIds.get(folded)
      if (fid === undefined) {
        fid = this.foldText.length
        this.foldIds.set(folded, fid)
        this.foldText.push(folded)
        this.foldKeys.push([])
      }
      this.keyFold.push(fid)
      this.foldKeys[fid].push(id)
      this.postings.push([])
    }
    this.surface.set(word, id)
    return id
  }

  /* Words are numbered as tokenize() finds them; split() allocates less */
  add(doc, field, text) {
    let position = 0
    for (const word of text.split(NON_WORD))
      if (word)
        this.postings[this.keyOf(word)].push(doc, field, position++)
  }

  /* Keys a query word matches, with the match level */
  candidates(word, last) {
    const found = new Map()
    const folded = fold(word)
    const fid = this.foldIds.get(folded)
    if (fid !== undefined)
      for (const key of this.foldKeys[fid])
        found.set(key, LEVEL_FOLDED)
    const exact = this.keyIds.get(toneKey(word))
    if (exact !== undefined)
      found.set(exact, LEVEL_EXACT)
    if (last && folded.length >= 2)
      this.foldText.forEach((text, id) => {
        if (id !== fid && text.startsWith(folded))
          for (const key of this.foldKeys[id])
            if (!found.has(key))
              found.set(key, LEVEL_PREFIX)
      })
    return found
  }

  search(query) {
    const words = tokenize(query.normalize("NFC"))
      .slice(0, MAX_QUERY_WORDS).map(([, , word]) => word)
    if (!words.length)
      return { items: [] }
    const n = words.length
    const folded = words.map(fold)

    /* "Điều 51", "dieu 51", "article 51" */
    let article = null
    for (let i = 0; i + 1 < n; i++)
      if (ARTICLE_WORDS.has(folded[i]) && /^\d+$/.test(folded[i + 1]))
        article = parseInt(folded[i + 1], 10)

    /* Collect matches per document */
    const acc = new Map()
    const df = new Array(n).fill(0)
    const candidates = words.map((word, i) => this.candidates(word, i === n - 1))
    words.forEach((word, i) => {
      const seen = new Set()
      for (const [key, level] of candidates[i]) {
        const list = this.postings[key]
        for (let j = 0; j < list.length; j += 3) {
          const doc = list[j], field = list[j + 1], position = list[j + 2]
          let a = acc.get(doc)
          if (a === undefined) {
            a = {
              level: new Float32Array(n * 3), count: new Uint16Array(n * 3),
              positions: [], keys: new Map()
            }
            acc.set(doc, a)
          }
          const slot = i * 3 + field
          if (level > a.level[slot])
            a.level[slot] = level
          a.count[slot]++
          if (field !== CONTEXT) {
            (a.positions[i * 2 + field] ||= []).push(position)
            if (!(a.keys.get(key) >= level))
              a.keys.set(key, level)
          }
          if (!seen.has(doc)) {
            seen.add(doc)
            df[i]++
          }
        }
      }
    })
    const total = this.docs.length
    const idf = df.map(d => Math.log(1 + total / (1 + d)))

    /* Score */
    const scored = []
    for (const [doc, a] of acc) {
      const isSection = this.page[doc] !== doc
      const pageAcc = isSection ? acc.get(this.page[doc]) : a
      let coverage = 0, direct = 0, base = 0
      const matched = new Array(n).fill(0)
      for (let i = 0; i < n; i++) {
        let best = 0
        for (const field of [TITLE, TEXT]) {
          const level = a.level[i * 3 + field]
          if (level > 0) {
            const count = Math.min(a.count[i * 3 + field], 8)
            best = Math.max(best, FIELD_WEIGHT[field] * level * (1 + 0.08 * count))
          }
        }
        if (best > 0) {
          direct++
          matched[i] = 1
        }
        const context = pageAcc ? pageAcc.level[i * 3 + CONTEXT] : 0
        if (context > 0) {
          best = Math.max(best, FIELD_WEIGHT[CONTEXT] * context)
          matched[i] ||= 2
        }
        if (best > 0)
          coverage++
        base += best * idf[i]
      }
      if (!direct)
        continue

      /* Phrase: longest run of query words, in order, at adjacent positions */
      let phrase = 0, anchor = -1
      if (n > 1)
        for (const field of [TITLE, TEXT]) {
          let run = new Map(), longest = 0, end = -1
          for (let i = 0; i < n; i++) {
            const next = new Map()
            for (const p of a.positions[i * 2 + field] || []) {
              const length = (run.get(p - 1) || 0) + 1
              next.set(p, length)
              if (length > longest) {
                longest = length
                end = p
              }
            }
            run = next
          }
          if (longest > 1) {
            phrase = Math.max(phrase, (longest - 1) / (n - 1) * (field === TITLE ? 30 : 15))
            if (field === TEXT)
              anchor = end - longest + 1
          }
        }

      /* Otherwise the teaser starts near the rarest word found in the text */
      if (anchor < 0) {
        let weight = 0
        for (let i = 0; i < n; i++) {
          const positions = a.positions[i * 2 + TEXT]
          const w = a.level[i * 3 + TEXT] * idf[i]
          if (positions && w > weight) {
            weight = w
            anchor = Math.min(...positions.slice(0, 64))
          }
        }
      }

      let bonus = 0
      const d = this.docs[doc]
      if (article !== null && d.a === article)
        bonus += 60
      scored.push({ doc, score: coverage * 100 + base + phrase + bonus, matched, a, anchor })
    }
    scored.sort((x, y) => y.score - x.score)

    /* Group by page, best page first; every group carries its page */
    const groups = new Map()
    scored.slice(0, MAX_DOCS).forEach((hit, rank) => {
      const page = this.page[hit.doc]
      if (!groups.has(page))
        groups.set(page, [])
      groups.get(page).push(rank < MAX_MARKED
        ? this.item(hit, words, candidates)
        : this.plainItem(hit, words))
    })
    for (const [page, items] of groups)
      if (!items.some(item => item.location === this.docs[page].location)) {
        const doc = this.docs[page]
        items.push({
          location: doc.location, title: escapeHTML(doc.title),
          text: "", score: 0, terms: {}
        })
      }
    return { items: [...groups.values()] }
  }

  /* A result far down the list: title and the start of the text, unmarked */
  plainItem({ doc, score, matched }, words) {
    const d = this.docs[doc]
    const to = d.text.length > 200 ? d.text.lastIndexOf(" ", 200) : d.text.length
    const terms = {}
    words.forEach((word, i) => { terms[word] = matched[i] !== 0 })
    return {
      location: d.location, title: escapeHTML(d.title),
      text: d.text ? `<p>${escapeHTML(d.text.slice(0, to).trim())}${to < d.text.length ? " …" : ""}</p>` : "",
      score, terms
    }
  }

  /* A result: title and teaser with the matched words marked */
  item({ doc, score, matched, a, anchor }, words, candidates) {
    const d = this.docs[doc]
    const surfaces = new Map()
    /* Mark a word only if it is one of the doc's best matches for a query
       word (no "bốn" marked for "bo" when "bộ" is there) */
    const best = new Set()
    for (const key of a.keys.keys())
      for (let i = 0; i < words.length; i++) {
        const level = candidates[i].get(key)
        if (level !== undefined &&
            level >= Math.max(a.level[i * 3 + TITLE], a.level[i * 3 + TEXT])) {
          best.add(key)
          break
        }
      }
    const mark = (text, from, to) => {
      let html = "", last = from
      for (const [start, end, word] of tokenize(text.slice(from, to))) {
        const key = this.surface.get(word) ?? this.keyIds.get(toneKey(word))
        if (key !== undefined && best.has(key)) {
          html += escapeHTML(text.slice(last, from + start)) +
            `<mark data-md-highlight>${escapeHTML(word)}</mark>`
          last = from + end
          surfaces.set(word.toLowerCase(), true)
        }
      }
      return html + escapeHTML(text.slice(last, to))
    }
    const title = mark(d.title, 0, d.title.length)

    /* Teaser: around the phrase, or the rarest matched word, of the text */
    let text = ""
    if (d.text) {
      const first = Math.max(anchor, 0)
      const starts = tokenize(d.text).map(([start]) => start)
      const from = first <= 8 ? 0 : starts[first - 8]
      const to = first + 40 < starts.length ? starts[first + 40] : d.text.length
      text = `<p>${from > 0 ? "… " : ""}${mark(d.text, from, to).trim()}${to < d.text.length ? " …" : ""}</p>`
    }

    /* Terms: the words as written on the page (the page highlights them),
       or the query word, false when this document lacks it */
    const terms = {}
    for (const surface of surfaces.keys())
      terms[surface] = true
    words.forEach((word, i) => {
      if (matched[i] === 0)
        terms[word] = false
      else if (matched[i] === 2 && !(word.toLowerCase() in terms))
        terms[word.toLowerCase()] = true
    })
    return { location: d.location, title, text, score, terms }
  }
}

let index = null

function handle(message) {
  switch (message.type) {
    case SETUP:
      index = new HandbookIndex(message.data.docs)
      return { type: READY }
    case QUERY:
      try {
        return { type: RESULT, data: index.search(message.data) }
      } catch (err) {
        console.warn(`Search failed for: ${message.data}`, err)
        return { type: RESULT, data: { items: [] } }
      }
    default:
      throw new TypeError("Invalid message type")
  }
}

/* While the reader is typing, only the query standing for QUIET_MS is
   answered: the result list is not redrawn for letters already typed past
   (a redraw would also take away a result the reader has just selected). */
const QUIET_MS = 100
let waiting = null, timer = 0
function answerLatest() {
  const message = waiting
  waiting = null
  postMessage(handle(message))
}

if (typeof self !== "undefined" && typeof self.addEventListener === "function" &&
    typeof WorkerGlobalScope !== "undefined")
  self.addEventListener("message", ev => {
    if (ev.data && ev.data.type === QUERY) {
      waiting = ev.data
      clearTimeout(timer)
      timer = setTimeout(answerLatest, index === null ? 0 : QUIET_MS)
    } else {
      postMessage(handle(ev.data))
    }
  })

/* For tests (page.evaluate / node): the same functions */
if (typeof globalThis !== "undefined")
  globalThis.HandbookSearch = { fold, toneKey, tokenize, HandbookIndex, handle }
