/*
 * Handbook search worker.
 *
 * Speaks Material for MkDocs' search worker protocol (SETUP -> READY,
 * QUERY -> RESULT), so Material's search box, result list, keyboard handling
 * and page highlighting (search.highlight) stay as they are; matching and
 * ranking are ours (design notes: src/handbook/search/README.md):
 *
 *   - every word is compared on two keys, defined and tested in Python
 *     (src/handbook/search/index.py) and mirrored here exactly:
 *       fold(w)    no marks, đ -> d, lower case          ("Điều" -> "dieu")
 *       toneKey(w) marks kept, tone moved to a suffix    ("hoà", "hòa" -> "hoa~1")
 *   - a query word is honoured by a word of the text with the same toneKey;
 *     a query word typed without marks also by any word that folds to it;
 *     the last word also by the words it begins (the reader is typing), an
 *     English word by its plural, and a word found nowhere by the words one
 *     letter away (a typo). A word typed with marks is not honoured by a word
 *     with other marks ("hòa" is not "hóa"): that is only a partial match;
 *   - documents holding every word of the query (or finding it in their
 *     page's title) come first; the others follow, fewest missing words
 *     first, and the page says that nothing held them all (search.js);
 *   - then: the words' weight by field (title > page title > text, as BM25F
 *     weighs them, rarer words more), query words standing side by side in
 *     the text as in the query, titles that the query covers, and the kind
 *     of page (chapters, answers and regulations above the lists that repeat
 *     them); "Điều 51", "dieu 51", "article 51" put the article first.
 *
 * No eval, no new Function, no imports: works under a strict CSP.
 */
"use strict"

const SETUP = 0, READY = 1, QUERY = 2, RESULT = 3

const TONES = { "\u0300": "1", "\u0301": "2", "\u0309": "3", "\u0303": "4", "\u0323": "5" }
const TONE_MARKS = /[\u0300\u0301\u0309\u0303\u0323]/g
const WORD = /[\p{L}\p{M}\p{N}]+/gu
const NON_WORD = /[^\p{L}\p{M}\p{N}]+/u

/* Same as handbook.content.vietnamese.fold */
function fold(text) {
  return text.normalize("NFC")
    .replace(/[ĐÐ]/g, "D").replace(/[đð]/g, "d")
    .normalize("NFD").replace(/\p{Mn}/gu, "")
    .toLowerCase()
}

/* Same as handbook.search.index.tone_key */
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

/* How well a word of the text stands for a query word. HONOUR and above:
   the text has the word; below: a partial match only (other marks). EXACT
   is for a word typed with marks: without them, every word that folds to it
   is FOLDED alike. */
const EXACT = 1, FOLDED = 0.9, PLURAL = 0.8, PREFIX = 0.5, TYPO = 0.45
const OTHER_MARKS = 0.25, HONOUR = 0.4

const TITLE = 0, TEXT = 1, CONTEXT = 2
/* BM25F: field weights, length normalisation, saturation */
const WEIGHT = [4, 1, 1.5], LENGTH_NORM = [0.5, 0.75], K1 = 1.2

/* What a page is to a reader (handbook.search.index.page_kind), and a
   checklist item ("ck"): a weight on its documents' scores */
const PRIOR = {
  chapter: 1, qa: 1, regulation: 1, glossary: 0.85, home: 0.8, model: 0.8,
  page: 0.9, index: 0.6, checklist: 0.45, ck: 0.7
}

/* Words a query can hold without the text having them: honoured when
   present, never missing (compared on toneKey, so typed with their marks;
   an unaccented "co" may be "cơ" as well as "có") */
const STOP = {
  vi: new Set(["của", "và", "các", "là", "được", "những", "cho", "với", "về", "trong",
    "thì", "mà", "này", "khi", "ở", "có", "một", "theo", "để", "từ", "đã", "sẽ", "nào",
    "gì", "như", "hoặc", "hay", "bị", "do", "tại", "nên"].map(toneKey)),
  en: new Set(["the", "a", "an", "of", "to", "in", "on", "for", "and", "or", "is", "are",
    "was", "be", "by", "with", "what", "how", "who", "when", "where", "which", "does",
    "do", "can", "i", "my", "at", "from", "as", "it", "its", "this", "that", "there", "if"])
}

const ARTICLE_WORDS = new Set(["dieu", "article", "art"])
const MAX_QUERY_WORDS = 12
const SECOND_PASS = 200   /* documents looked at word by word (phrases, titles) */
const LOOK_FULL = 1500    /* documents holding every word looked at, at most */
const NEAR = 8            /* words of the query typed side by side: at most this far apart */
const MAX_DOCS = 300      /* results returned */
const MAX_MARKED = 60     /* results with marked words and a teaser around them */
const TEASER_CHARS = 220

/* At most one edit apart: a letter changed, added, dropped, or two swapped */
function oneEditApart(a, b) {
  const la = a.length, lb = b.length
  if (a === b || Math.abs(la - lb) > 1)
    return false
  let i = 0
  while (i < la && i < lb && a[i] === b[i])
    i++
  if (la === lb)
    return a.slice(i + 1) === b.slice(i + 1) ||
      (a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2))
  return la > lb ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1)
}

/* English plural and singular forms of a folded word */
function numberForms(word) {
  const forms = [word + "s", word + "es"]
  if (word.endsWith("y"))
    forms.push(word.slice(0, -1) + "ies")
  if (word.endsWith("ies"))
    forms.push(word.slice(0, -3) + "y")
  if (word.endsWith("es"))
    forms.push(word.slice(0, -2))
  if (word.endsWith("s") && !word.endsWith("ss"))
    forms.push(word.slice(0, -1))
  return forms
}

function bits(mask) {
  let count = 0
  for (; mask; mask &= mask - 1)
    count++
  return count
}

class HandbookIndex {

  constructor(docs, options = {}) {
    this.docs = docs
    this.lang = String(options.lang || "vi").slice(0, 2)
    this.stop = STOP[this.lang] || STOP.vi
    const N = docs.length
    this.keyIds = new Map()        /* toneKey -> key id */
    this.keyFold = []              /* key id -> fold id */
    this.keyTone = []              /* key id -> toneKey */
    this.keySurface = []           /* key id -> a word of the text with that key (lower case) */
    this.foldIds = new Map()       /* fold -> fold id */
    this.foldText = []             /* fold id -> fold */
    this.foldKeys = []             /* fold id -> [key id] */
    this.surface = new Map()       /* surface word -> key id (cache) */
    this.page = new Int32Array(N)  /* doc -> its page's doc */
    this.prior = new Float32Array(N)
    /* every document's words as key ids, in one array: title, then text;
       a page's context after them */
    this.words = new Int32Array(1 << 16)
    this.length = 0
    this.start = new Int32Array(N)          /* doc -> its title's first word */
    this.titleEnd = new Int32Array(N)       /* doc -> its text's first word */
    this.end = new Int32Array(N)            /* doc -> after its text */
    this.contextEnd = new Int32Array(N)     /* page doc -> after its context */
    const byLocation = new Map()
    let page = 0
    docs.forEach((doc, id) => {
      const hash = doc.location.indexOf("#")
      if (hash < 0) {
        page = id
        byLocation.set(doc.location, id)
      } else {
        page = byLocation.get(doc.location.slice(0, hash)) ?? page
      }
      this.page[id] = page
      this.prior[id] = PRIOR[doc.k === "ck" ? "ck" : docs[page].k || "page"] ?? PRIOR.page
      /* the index is NFC already (src/handbook/search/index.py; tested) */
      doc.text ||= ""
      this.start[id] = this.length
      this.add(id, TITLE, doc.title)
      this.titleEnd[id] = this.length
      this.add(id, TEXT, doc.text)
      this.end[id] = this.length
      if (doc.c)
        this.add(id, CONTEXT, doc.c)
      this.contextEnd[id] = this.length
    })
    let titles = 0, texts = 0
    for (let id = 0; id < N; id++) {
      titles += this.titleEnd[id] - this.start[id]
      texts += this.end[id] - this.titleEnd[id]
    }
    this.average = [Math.max(titles / N, 1), Math.max(texts / N, 1)]
    this.post(N)
  }

  /* Postings, from the words of every document: for each key, the
     documents' fields holding it (doc * 3 + field) and how many times, in
     two typed arrays (key k's are from postingStart[k] to postingStart[k+1]):
     counted first, then filled, with no array per key */
  post(N) {
    const keys = this.keyFold.length, words = this.words
    const count = new Int32Array(keys + 1), last = new Int32Array(keys).fill(-1)
    const fields = (visit) => {
      for (let doc = 0; doc < N; doc++) {
        visit(doc * 3 + TITLE, this.start[doc], this.titleEnd[doc])
        visit(doc * 3 + TEXT, this.titleEnd[doc], this.end[doc])
        visit(doc * 3 + CONTEXT, this.end[doc], this.contextEnd[doc])
      }
    }
    fields((slot, from, to) => {
      for (let p = from; p < to; p++)
        if (last[words[p]] !== slot) {
          last[words[p]] = slot
          count[words[p] + 1]++
        }
    })
    for (let k = 0; k < keys; k++)
      count[k + 1] += count[k]
    this.postingStart = count
    this.postingSlot = new Int32Array(count[keys])
    this.postingCount = new Int32Array(count[keys])
    const cursor = count.slice(0, keys), at = new Int32Array(keys)
    last.fill(-1)
    fields((slot, from, to) => {
      for (let p = from; p < to; p++) {
        const key = words[p]
        if (last[key] !== slot) {
          last[key] = slot
          at[key] = cursor[key]++
          this.postingSlot[at[key]] = slot
        }
        this.postingCount[at[key]]++
      }
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
      this.keyTone.push(key)
      this.keySurface.push(word.toLowerCase())
      this.foldKeys[fid].push(id)
    }
    this.surface.set(word, id)
    return id
  }

  /* Words in the order tokenize() finds them; split() allocates less */
  add(doc, field, text) {
    for (const word of text.split(NON_WORD))
      if (word) {
        const id = this.keyOf(word)
        if (this.length === this.words.length) {
          const grown = new Int32Array(this.words.length * 2)
          grown.set(this.words)
          this.words = grown
        }
        this.words[this.length++] = id
      }
  }

  /* Keys a query word matches, with their level */
  candidates(word, last) {
    const found = new Map()
    const folded = fold(word)
    const marked = folded !== word.toLowerCase()
    const fid = this.foldIds.get(folded)
    if (fid !== undefined)
      for (const key of this.foldKeys[fid])
        found.set(key, marked ? OTHER_MARKS : FOLDED)
    const tone = toneKey(word)
    const exact = this.keyIds.get(tone)
    if (exact !== undefined && marked)   /* without marks, "can" is "cán" as much as "can" */
      found.set(exact, EXACT)
    const add = (id, level) => {
      for (const key of this.foldKeys[id])
        if (!(found.get(key) >= level))
          found.set(key, level)
    }
    if (this.lang === "en" && folded.length > 2)
      for (const form of numberForms(folded)) {
        const id = this.foldIds.get(form)
        if (id !== undefined)
          add(id, PLURAL)
      }
    if (last && folded.length >= 2) {
      /* the word being typed: the words it begins */
      const [letters, mark] = tone.split("~")
      this.foldText.forEach((text, id) => {
        if (id !== fid && text.startsWith(folded))
          for (const key of this.foldKeys[id]) {
            if (found.has(key))
              continue
            const [other, otherMark] = this.keyTone[key].split("~")
            if (!marked || (other.startsWith(letters) && (!mark || mark === otherMark)))
              found.set(key, PREFIX)
          }
      })
    }
    if (fid === undefined && folded.length >= 3 && !/^\d+$/.test(folded))
      /* found nowhere: a typo? the words one letter away */
      this.foldText.forEach((text, id) => {
        if (oneEditApart(folded, text))
          add(id, TYPO)
      })
    return found
  }

  search(text) {
    let words = tokenize(text.normalize("NFC"))
      .slice(0, MAX_QUERY_WORDS).map(([, , word]) => word)
    let candidates = words.map((word, i) => this.candidates(word, i === words.length - 1))
    /* a last letter on its own is the start of a word not typed yet */
    const lastWord = words[words.length - 1]
    if (words.length > 1 && fold(lastWord).length === 1 && !/\d/.test(lastWord) &&
        ![...candidates[words.length - 1].values()].some(level => level >= HONOUR)) {
      words = words.slice(0, -1)
      candidates = candidates.slice(0, -1)
    }
    const n = words.length
    if (!n)
      return { items: [], full: 0 }
    const folded = words.map(fold)
    let required = words.map(word => !this.stop.has(toneKey(word)))
    if (!required.some(Boolean))
      required = required.map(() => true)
    const requiredCount = required.filter(Boolean).length
    const requiredMask = required.reduce((mask, yes, i) => yes ? mask | (1 << i) : mask, 0)

    /* "Điều 51", "dieu 51", "article 51" */
    let article = null
    for (let i = 0; i + 1 < n; i++)
      if (ARTICLE_WORDS.has(folded[i]) && /^\d+$/.test(folded[i + 1]))
        article = parseInt(folded[i + 1], 10)

    /* The query's keys: for each key of the index, the query words it
       honours (bits) and whether it is a partial match of one */
    const query = {
      words, required,
      honours: new Int32Array(this.keyFold.length),
      partial: new Uint8Array(this.keyFold.length),
      levels: new Map()   /* key -> [[query word, level]] */
    }
    candidates.forEach((found, i) => {
      for (const [key, level] of found) {
        if (level >= HONOUR)
          query.honours[key] |= 1 << i
        else
          query.partial[key] = 1
        const list = query.levels.get(key)
        if (list)
          list.push([i, level])
        else
          query.levels.set(key, [[i, level]])
      }
    })

    /* First pass: each word's matches, per document and field */
    const N = this.docs.length
    if (!this.buffers)   /* kept from query to query: no garbage to collect */
      this.buffers = {
        tf: new Float32Array(N * MAX_QUERY_WORDS * 3),     /* occurrences, weighted by level */
        best: new Float32Array(N * MAX_QUERY_WORDS * 3),   /* best level */
        seen: new Uint8Array(N)
      }
    const { tf, best, seen } = this.buffers
    const touched = []
    const slots = this.postingSlot, counts = this.postingCount
    candidates.forEach((found, i) => {
      for (const [key, level] of found) {
        for (let j = this.postingStart[key]; j < this.postingStart[key + 1]; j++) {
          const slot = slots[j], doc = (slot / 3) | 0
          const at = (doc * n + i) * 3 + slot - doc * 3
          tf[at] += level * counts[j]
          if (level > best[at])
            best[at] = level
          if (!seen[doc]) {
            seen[doc] = 1
            touched.push(doc)
          }
        }
      }
    })
    const df = new Int32Array(n)
    for (const doc of touched)
      for (let i = 0; i < n; i++) {
        const at = (doc * n + i) * 3
        if (Math.max(best[at], best[at + 1]) >= HONOUR)
          df[i]++
      }
    const idf = Array.from(df, (d, i) =>
      Math.log(1 + (N - d + 0.5) / (d + 0.5)) * (required[i] ? 1 : 0.2))
    query.idf = idf

    const scored = []
    for (const doc of touched) {
      const page = this.page[doc], isSection = page !== doc
      const title = this.titleEnd[doc] - this.start[doc], text = this.end[doc] - this.titleEnd[doc]
      const titleNorm = 1 - LENGTH_NORM[TITLE] + LENGTH_NORM[TITLE] * title / this.average[TITLE]
      const textNorm = 1 - LENGTH_NORM[TEXT] + LENGTH_NORM[TEXT] * text / this.average[TEXT]
      let direct = false, honoured = 0, score = 0, missing = 0
      let inDoc = 0, inPage = 0   /* words found in the document; in its page's title only */
      for (let i = 0; i < n; i++) {
        const at = (doc * n + i) * 3
        const inTitle = tf[at], inText = tf[at + 1]
        if (inTitle > 0 || inText > 0)
          direct = true
        let context = best[(page * n + i) * 3 + CONTEXT]
        if (!isSection && best[at] >= HONOUR)
          context = 0    /* a page's context repeats its title */
        const weighted = WEIGHT[TITLE] * inTitle / titleNorm + WEIGHT[TEXT] * inText / textNorm +
          WEIGHT[CONTEXT] * context
        score += idf[i] * weighted * (K1 + 1) / (weighted + K1)
        if (Math.max(best[at], best[at + 1]) >= HONOUR)
          inDoc |= 1 << i
        else if (context >= HONOUR)
          inPage |= 1 << i
        if ((inDoc | inPage) & (1 << i))
          honoured += required[i]
        else if (required[i])
          missing++
      }
      if (!direct)
        continue
      scored.push({ doc, full: missing === 0, honoured, score, inDoc, inPage })
    }
    for (const doc of touched) {   /* clean for the next query */
      seen[doc] = 0
      tf.fill(0, doc * n * 3, (doc + 1) * n * 3)
      best.fill(0, doc * n * 3, (doc + 1) * n * 3)
    }
    const order = (x, y) => (y.full - x.full) || (y.honoured - x.honoured) || (y.score - x.score)
    scored.sort(order)

    /* Words typed side by side must stand near each other (a Vietnamese
       word is often two syllables: "hòa giải" is not "Cộng hòa … giải
       trình"): consecutive required words, and how many words may sit
       between them */
    const together = []
    for (let i = 0, previous = -1; i < n; i++)
      if (required[i]) {
        if (previous >= 0)
          together.push([previous, i, NEAR + (i - previous - 1)])
        previous = i
      }

    /* Second pass, word by word, on the best documents (all those holding
       every word, up to LOOK_FULL): words together, titles the query
       covers, the teaser's place */
    let fullFound = 0
    while (fullFound < scored.length && scored[fullFound].full)
      fullFound++
    const top = scored.slice(0, Math.max(Math.min(fullFound, LOOK_FULL), SECOND_PASS))
    const rest = scored.slice(top.length).filter(hit => !hit.full)  /* not looked at: not claimed full */
    const weight = idf.reduce((sum, value) => sum + value, 0)
    for (const hit of top) {
      this.look(hit, query, together)
      let bonus = 0
      for (let i = 0; i + 1 < n; i++) {
        const pair = 1 << (i + 1)
        const strength = (idf[i] + idf[i + 1]) / 2
        if (hit.pairs[TITLE] & pair)
          bonus += 1.5 * strength
        else if ((hit.pairs[TEXT] | hit.pairs[CONTEXT]) & pair)
          bonus += strength
      }
      /* a title the query covers: "Công khai thông tin" for "công khai";
         or with its page's title, the path a reader sees ("Ban Thanh tra
         nhân dân › Trong nhiệm kỳ" for "ban thanh tra nhiệm kỳ") */
      const title = this.titleEnd[hit.doc] - this.start[hit.doc]
      let prior = this.prior[hit.doc]
      if (title && (hit.titleWords & requiredMask) === requiredMask) {
        bonus += weight * (0.5 + hit.titleCovered / title) * (hit.titleStarts ? 1.25 : 1)
        if (hit.titleCovered === title && this.page[hit.doc] === hit.doc)
          prior = Math.max(prior, 1)   /* the page's own name: whatever its kind */
      } else if (title && hit.titleWords &&
                 ((hit.titleWords | hit.contextWords) & requiredMask) === requiredMask) {
        bonus += 0.8 * weight * (0.5 + (hit.titleCovered + hit.contextCovered) / (title + hit.contextLength))
      }
      hit.score = (hit.score + bonus) * prior
      if (article !== null && this.docs[hit.doc].a === article)
        hit.score += 100
    }
    top.sort(order)
    const ranked = top.concat(rest).slice(0, MAX_DOCS)

    /* When some documents hold every word, only the partial matches that
       hold at least half of them follow */
    const full = ranked.filter(hit => hit.full).length
    const shown = full
      ? ranked.filter(hit => hit.full || hit.honoured * 2 >= requiredCount)
      : ranked

    /* Group by page, best page first; every group carries its page */
    const groups = new Map()
    shown.forEach((hit, rank) => {
      const page = this.page[hit.doc]
      if (!groups.has(page))
        groups.set(page, { full: hit.full, items: [] })
      groups.get(page).items.push(rank < MAX_MARKED && hit.levels
        ? this.item(hit, query)
        : this.plainItem(hit, query))
    })
    const items = []
    let fullGroups = 0
    for (const [page, group] of groups) {
      if (!group.items.some(item => item.location === this.docs[page].location)) {
        const doc = this.docs[page]
        group.items.push({
          location: doc.location, title: escapeHTML(doc.title), text: "", score: 0, terms: {}
        })
      }
      /* partial matches carry a sign the page reads (search.js) */
      if (group.full)
        fullGroups++
      else
        for (const item of group.items)
          item.title = `<span class="handbook-partial"></span>${item.title}`
      items.push(group.items)
    }
    return { items, full: fullGroups }
  }

  /* Word by word through one document: query words side by side (bit i+1
     of pairs[field]: words i and i+1 together), the words in the title and
     the page's title, whether the words typed together stand together, the
     best level of each word here and where the teaser starts */
  look(hit, query, together) {
    const { honours, partial: partials, levels: keyLevels, idf } = query
    const n = idf.length
    const words = this.words, doc = hit.doc
    const levels = new Float32Array(n)
    const pairs = [0, 0, 0]
    const firstAt = new Int32Array(n).fill(-1)
    const positions = together.length && hit.full ? Array.from({ length: n }, () => []) : null
    let framing = 0   /* words in the title or the page's title: near every word of the text */
    let titleWords = 0, titleCovered = 0, titleStarts = false, side = -1, partial = -1
    let contextWords = 0, contextCovered = 0
    const paired = []   /* query word -> the keys that stood beside the next or previous word */
    const scan = (keys, field, from, to) => {
      let previous = 0
      for (let p = from; p < to; p++) {
        const key = keys[p]
        const mask = honours[key]
        if (!mask) {
          if (field === TEXT && partial < 0 && partials[key])
            partial = p - from
          previous = 0
          continue
        }
        if (field !== CONTEXT)
          for (const [i, level] of keyLevels.get(key))
            if (level > levels[i])
              levels[i] = level
        if (field === TEXT) {
          for (let i = 0, bit = 1; i < n; i++, bit <<= 1)
            if (mask & bit) {
              if (firstAt[i] < 0)
                firstAt[i] = p - from
              if (positions)
                positions[i].push(p - from)
            }
        } else {
          framing |= mask
        }
        const pair = (previous << 1) & mask
        pairs[field] |= pair
        if (pair && field !== CONTEXT)
          for (let i = 1, bit = 2; i < n; i++, bit <<= 1)
            if (pair & bit) {
              (paired[i - 1] ||= new Set()).add(keys[p - 1])
              ;(paired[i] ||= new Set()).add(key)
            }
        if (field === TEXT && pair && side < 0)
          side = p - from - 1
        if (field === TITLE) {
          titleCovered++
          titleWords |= mask
          if (p === from && (mask & 1))
            titleStarts = true
        } else if (field === CONTEXT) {
          contextCovered++
          contextWords |= mask
        }
        previous = mask
      }
    }
    scan(words, TITLE, this.start[doc], this.titleEnd[doc])
    scan(words, TEXT, this.titleEnd[doc], this.end[doc])
    const page = this.page[doc]
    const context = this.contextEnd[page] - this.end[page]
    if (context && (page !== doc || !titleWords))
      scan(words, CONTEXT, this.end[page], this.contextEnd[page])
    if (positions)
      for (const [a, b, distance] of together)
        if (!((framing >> a) & 1) && !((framing >> b) & 1) &&
            !this.near(positions[a], positions[b], distance)) {
          hit.full = false   /* every word, but not together */
          break
        }
    /* the teaser starts where query words stand together, else at the
       rarest word the text has, else at a partial match */
    let anchor = side
    if (anchor < 0) {
      let rarest = -1
      for (let i = 0; i < n; i++)
        if (firstAt[i] >= 0 && (rarest < 0 || idf[i] > idf[rarest]))
          rarest = i
      anchor = rarest >= 0 ? firstAt[rarest] : partial
    }
    Object.assign(hit, {
      pairs, titleWords, titleCovered, titleStarts, contextWords, contextCovered,
      contextLength: context, anchor, levels, paired
    })
  }

  /* Two increasing lists of positions: any two at most distance apart? */
  near(xs, ys, distance) {
    let i = 0, j = 0
    while (i < xs.length && j < ys.length) {
      if (Math.abs(xs[i] - ys[j]) <= distance)
        return true
      if (xs[i] < ys[j])
        i++
      else
        j++
    }
    return false
  }

  /* Marked in this document: a key of the best level its query word has
     here (no "bốn" marked for "bo" when "bộ" is there) and, when the word
     stands beside the next or previous query word somewhere here, a key
     that does ("cán" in "cán bộ" for "can bo", not "Căn" in "Căn cứ") */
  marked(hit, query, key) {
    if (!query.honours[key])
      return false
    for (const [i, level] of query.levels.get(key))
      if (level >= HONOUR && (hit.paired[i] ? hit.paired[i].has(key) : level >= hit.levels[i]))
        return true
    return false
  }

  /* Terms for Material: the words as written in the document (the opened
     page highlights them, search.js), false for a word the document lacks */
  terms(hit, query, found) {
    const terms = {}
    for (const key of found)
      terms[this.keySurface[key]] = true
    const page = this.page[hit.doc]
    query.words.forEach((word, i) => {
      if (!((hit.inDoc | hit.inPage) & (1 << i))) {
        if (query.required[i])
          terms[word] = false
      } else if (hit.inPage & (1 << i)) {
        /* found in the page's title only: as written there */
        for (let p = this.end[page]; p < this.contextEnd[page]; p++)
          if (query.honours[this.words[p]] & (1 << i))
            terms[this.keySurface[this.words[p]]] = true
      } else if (!found.size) {
        /* not looked at word by word: the query word (the page matches it
           by the same keys) */
        terms[word.toLowerCase()] = true
      }
    })
    return terms
  }

  /* A result far down the list: title and the start of the text, unmarked */
  plainItem(hit, query) {
    const d = this.docs[hit.doc]
    const to = d.text.length > TEASER_CHARS ? d.text.lastIndexOf(" ", TEASER_CHARS) : d.text.length
    return {
      location: d.location, title: escapeHTML(d.title),
      text: d.text ? `<p>${escapeHTML(d.text.slice(0, to).trim())}${to < d.text.length ? " …" : ""}</p>` : "",
      score: hit.score, terms: this.terms(hit, query, new Set())
    }
  }

  /* A result: title and teaser with the matched words marked */
  item(hit, query) {
    const d = this.docs[hit.doc]
    const found = new Set()
    /* text[from:to] as HTML, the words to mark marked */
    const mark = (text, from, to) => {
      let html = "", last = from
      for (const [start, end, word] of tokenize(text.slice(from, to))) {
        const key = this.surface.get(word) ?? this.keyIds.get(toneKey(word))
        if (key !== undefined && this.marked(hit, query, key)) {
          html += escapeHTML(text.slice(last, from + start)) +
            `<mark data-md-highlight>${escapeHTML(word)}</mark>`
          last = from + end
          found.add(key)
        }
      }
      return html + escapeHTML(text.slice(last, to))
    }
    const title = mark(d.title, 0, d.title.length)

    /* Teaser: from the start of the sentence where the query's words stand
       (together, or the rarest found), about two lines of it */
    let text = ""
    if (d.text) {
      /* the words from a little before the anchor to a little past the
         teaser's length (a long text is not cut into words to its end) */
      const anchor = Math.max(hit.anchor, 0), back = 12, first = Math.max(anchor - back, 0)
      const spans = []
      const words = new RegExp(WORD.source, "gu")
      let match, k = 0
      while ((match = words.exec(d.text)) !== null) {
        if (k++ < first)
          continue
        spans.push([match.index, match.index + match[0].length])
        if (spans.length > anchor - first && match.index - spans[Math.min(anchor - first, spans.length - 1)][0] > TEASER_CHARS)
          break
      }
      const at = Math.min(anchor - first, Math.max(spans.length - 1, 0))
      let from = at
      while (from > 0 && !/[.!?;:]/.test(d.text.slice(spans[from - 1][1], spans[from][0])))
        from--
      if (from === 0 && first > 0)
        from = Math.max(at - 4, 0)   /* a long sentence: a few words before the match */
      const start = spans.length && (from > 0 || first > 0) ? spans[from][0] : 0
      let to = from
      while (to < spans.length && spans[to][1] - start <= TEASER_CHARS)
        to++
      const end = match !== null || to < spans.length ? spans[Math.max(to - 1, from)][1] : d.text.length
      text = `<p>${start > 0 ? "… " : ""}${mark(d.text, start, end).trim()}` +
        `${end < d.text.length ? " …" : ""}</p>`
    }
    /* the words marked anywhere in the document go to the page too */
    const last = Math.min(this.end[hit.doc], this.start[hit.doc] + 3000)
    for (let p = this.start[hit.doc]; p < last && found.size < 24; p++)
      if (!found.has(this.words[p]) && this.marked(hit, query, this.words[p]))
        found.add(this.words[p])
    return { location: d.location, title, text, score: hit.score, terms: this.terms(hit, query, found) }
  }
}

let index = null

function handle(message) {
  switch (message.type) {
    case SETUP: {
      const config = message.data.config || {}
      index = new HandbookIndex(message.data.docs, { lang: (config.lang || [])[0] })
      return { type: READY }
    }
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

/* A query is answered at once when the worker has been idle; while the
   reader types on, only the query standing for QUIET_MS is answered (the
   result list is not redrawn for letters already typed past, which would
   also take away a result the reader has just selected). */
const QUIET_MS = 100
let waiting = null, timer = 0, lastAnswer = -Infinity
function answerLatest() {
  const message = waiting
  waiting = null
  timer = 0
  postMessage(handle(message))
  lastAnswer = Date.now()
}

if (typeof self !== "undefined" && typeof self.addEventListener === "function" &&
    typeof WorkerGlobalScope !== "undefined")
  self.addEventListener("message", ev => {
    if (ev.data && ev.data.type === QUERY) {
      waiting = ev.data
      const typing = timer !== 0 || Date.now() - lastAnswer < QUIET_MS
      clearTimeout(timer)
      timer = setTimeout(answerLatest, index !== null && typing ? QUIET_MS : 0)
    } else {
      postMessage(handle(ev.data))
    }
  })

/* For tests (page.evaluate / node): the same functions */
if (typeof globalThis !== "undefined")
  globalThis.HandbookSearch = { fold, toneKey, tokenize, HandbookIndex, handle, oneEditApart }
