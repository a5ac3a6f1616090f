package smtpcodes

// TextCapacity is how much reply text the classifier reads: longer replies are matched on
// their first TextCapacity bytes (after whitespace is folded).
const TextCapacity = 4096

// matchText is reply text folded for matching (lines joined by one space, runs of
// whitespace folded, ASCII letters in lower case) with an index of the byte pairs it holds,
// so that most phrases are ruled out without a scan: a phrase can only occur if each of its
// adjacent byte pairs occurs. It lives on the caller's stack; nothing is allocated.
type matchText struct {
	buf   [TextCapacity]byte
	len   int
	end   int         // len without trailing spaces, set by index
	pairs [256]uint64 // one bit per pair of 7-bit bytes (non-ASCII bytes share bits)
	// candidates has a bit per indexed built-in phrase whose key pair the text holds.
	candidates [maxIndexed / 64]uint64
}

func isASCIISpace(b byte) bool {
	return b == ' ' || b == '\t' || b == '\n' || b == '\r' || b == '\f'
}

func lower(b byte) byte {
	if b >= 'A' && b <= 'Z' {
		return b + 32
	}
	return b
}

// push folds one line of text onto the end.
func (t *matchText) push(text string) {
	for i := 0; i < len(text); i++ {
		if t.len == TextCapacity {
			return
		}
		b := text[i]
		if isASCIISpace(b) {
			if t.len > 0 && t.buf[t.len-1] != ' ' {
				t.buf[t.len] = ' '
				t.len++
			}
		} else {
			t.buf[t.len] = lower(b)
			t.len++
		}
	}
	if t.len > 0 && t.len < TextCapacity && t.buf[t.len-1] != ' ' {
		t.buf[t.len] = ' '
		t.len++
	}
}

func (t *matchText) fold(text string) { t.push(text) }

// index trims the trailing space and records the byte pairs.
func (t *matchText) index() {
	end := t.len
	for end > 0 && t.buf[end-1] == ' ' {
		end--
	}
	t.end = end
	text := t.buf[:end]
	ix := &phraseIndex
	for i := 0; i+1 < len(text); i++ {
		bit := pairBit(text[i], text[i+1])
		word, mask := &t.pairs[bit>>6], uint64(1)<<(bit&63)
		if *word&mask != 0 {
			continue
		}
		*word |= mask
		for _, id := range ix.ids[ix.start[bit]:ix.start[bit+1]] {
			t.candidates[id>>6] |= 1 << (id & 63)
		}
	}
}

// pairBit gives a pair's bit in the index. Bytes are folded to 7 bits, so a non-ASCII pair
// shares its bit with an ASCII one: the index can only say "maybe", never a wrong "no".
func pairBit(a, b byte) uint16 {
	return uint16(a&0x7f)<<7 | uint16(b&0x7f)
}

func (t *matchText) hasPair(a, b byte) bool {
	bit := pairBit(lower(a), lower(b))
	return t.pairs[bit>>6]&(1<<(bit&63)) != 0
}

// possible reports whether needle could occur: it fits, and every adjacent pair occurs.
func (t *matchText) possible(needle string) bool {
	if len(needle) > t.end {
		return false
	}
	for i := 0; i+1 < len(needle); i++ {
		if !t.hasPair(needle[i], needle[i+1]) {
			return false
		}
	}
	return true
}

// next gives where needle (compared ignoring ASCII case) next starts at or after from, or -1.
func (t *matchText) next(needle string, from int) int {
	text := t.buf[:t.end]
	first := lower(needle[0])
	last := len(text) - len(needle)
outer:
	for i := from; i <= last; i++ {
		if text[i] != first {
			continue
		}
		for k := 1; k < len(needle); k++ {
			if text[i+k] != lower(needle[k]) {
				continue outer
			}
		}
		return i
	}
	return -1
}

func isWord(b byte) bool {
	return isAlnum(b) || b >= 0x80
}

// phrase is a rule phrase or vendor fragment prepared for matching: the needle without its
// '*' marks, in lower case, whether each end may touch a word, and the byte pairs the text
// must hold for it to occur (the prefilter).
type phrase struct {
	needle             string
	openStart, openEnd bool
	pairs              []uint16
	// id numbers a built-in phrase in phraseIndex; -1 for others, which the index does not
	// cover.
	id int
}

// compilePhrase prepares a phrase; word boundaries apply unless it starts or ends with '*'.
func compilePhrase(p string) phrase {
	ph := phrase{
		openStart: len(p) > 0 && p[0] == '*',
		openEnd:   len(p) > 1 && p[len(p)-1] == '*',
		id:        -1,
	}
	needle := p
	for len(needle) > 0 && needle[0] == '*' {
		needle = needle[1:]
	}
	for len(needle) > 0 && needle[len(needle)-1] == '*' {
		needle = needle[:len(needle)-1]
	}
	b := []byte(needle)
	for i := range b {
		b[i] = lower(b[i])
	}
	ph.needle = string(b)
	seen := map[uint16]bool{}
	for i := 0; i+1 < len(b); i++ {
		bit := pairBit(b[i], b[i+1])
		if !seen[bit] {
			seen[bit] = true
			ph.pairs = append(ph.pairs, bit)
		}
	}
	return ph
}

// compileAll prepares a list of phrases.
func compileAll(ps []string) []phrase {
	out := make([]phrase, len(ps))
	for i, p := range ps {
		out[i] = compilePhrase(p)
	}
	return out
}

// has reports whether a prepared phrase occurs: the prefilter first, then a scan.
func (t *matchText) has(ph *phrase) bool {
	needle := ph.needle
	if needle == "" || len(needle) > t.end {
		return false
	}
	if ph.id >= 0 && t.candidates[ph.id>>6]&(1<<(ph.id&63)) == 0 {
		return false
	}
	for _, bit := range ph.pairs {
		if t.pairs[bit>>6]&(1<<(bit&63)) == 0 {
			return false
		}
	}
	return t.scan(needle, ph.openStart, ph.openEnd)
}

// scan looks for needle (lower case) on word boundaries, each end unless open.
func (t *matchText) scan(needle string, openStart, openEnd bool) bool {
	first, last := needle[0], needle[len(needle)-1]
	text := t.buf[:t.end]
	for i := t.next(needle, 0); i >= 0; i = t.next(needle, i+1) {
		after := i + len(needle)
		if (openStart || !isWord(first) || i == 0 || !isWord(text[i-1])) &&
			(openEnd || !isWord(last) || after == len(text) || !isWord(text[after])) {
			return true
		}
	}
	return false
}

// containsPhrase: see ContainsPhrase. It prepares nothing, for phrases used once (the
// caller's rules).
func (t *matchText) containsPhrase(phrase string) bool {
	openStart := len(phrase) > 0 && phrase[0] == '*'
	openEnd := len(phrase) > 1 && phrase[len(phrase)-1] == '*'
	needle := phrase
	for len(needle) > 0 && needle[0] == '*' {
		needle = needle[1:]
	}
	for len(needle) > 0 && needle[len(needle)-1] == '*' {
		needle = needle[:len(needle)-1]
	}
	if needle == "" || !t.possible(needle) {
		return false
	}
	return t.scan(needle, openStart, openEnd)
}

// contains reports whether needle occurs anywhere, ignoring ASCII case.
func (t *matchText) contains(needle string) bool {
	if needle == "" {
		return true
	}
	return t.possible(needle) && t.next(needle, 0) >= 0
}

// containsPrepared is contains for a prepared fragment (word boundaries ignored).
func (t *matchText) containsPrepared(ph *phrase) bool {
	if ph.needle == "" {
		return true
	}
	if len(ph.needle) > t.end {
		return false
	}
	if ph.id >= 0 && t.candidates[ph.id>>6]&(1<<(ph.id&63)) == 0 {
		return false
	}
	for _, bit := range ph.pairs {
		if t.pairs[bit>>6]&(1<<(bit&63)) == 0 {
			return false
		}
	}
	return t.next(ph.needle, 0) >= 0
}

// maxIndexed is how many built-in phrases the index covers; any beyond are checked pair by
// pair, which gives the same answers more slowly.
const maxIndexed = 4096

// pairIndex lists, for each byte pair, the built-in phrases keyed on it, in compressed rows:
// the ids of pair b are ids[start[b]:start[b+1]]. Indexing a text then marks exactly the
// phrases whose key pair it holds, so most phrases are ruled out without being looked at.
type pairIndex struct {
	start [1<<14 + 1]uint16
	ids   []uint16
}

// phraseIndex covers the built-in rules' phrases and the vendor entries' fragments.
var phraseIndex = buildPhraseIndex()

// pairWeight estimates how common a byte is in reply text: rare letters low, space high.
func pairWeight(b byte) int {
	const rareFirst = "zqjxkvbywgpfmucdlhrsnioate"
	switch {
	case b == ' ':
		return 30
	case b >= 'a' && b <= 'z':
		for i := 0; i < len(rareFirst); i++ {
			if rareFirst[i] == b {
				return i
			}
		}
	case isDigit(b):
		return 8
	}
	return 4
}

// keyPair chooses the phrase's rarest-looking pair, the one its row in the index is under.
func keyPair(ph *phrase) uint16 {
	best, score := ph.pairs[0], 1<<30
	for i := 0; i+1 < len(ph.needle); i++ {
		w := pairWeight(ph.needle[i]) + pairWeight(ph.needle[i+1])
		if w < score {
			best, score = pairBit(ph.needle[i], ph.needle[i+1]), w
		}
	}
	return best
}

func buildPhraseIndex() pairIndex {
	var all []*phrase
	for i := range preparedRules {
		r := &preparedRules[i]
		for _, list := range [][]phrase{r.any, r.all, r.none} {
			for j := range list {
				all = append(all, &list[j])
			}
		}
	}
	for i := range preparedFragments {
		all = append(all, &preparedFragments[i][0], &preparedFragments[i][1])
	}
	var counts [1 << 14]int
	var keys []uint16
	var indexed []*phrase
	for _, ph := range all {
		if len(ph.pairs) == 0 || len(indexed) == maxIndexed {
			continue
		}
		ph.id = len(indexed)
		indexed = append(indexed, ph)
		k := keyPair(ph)
		keys = append(keys, k)
		counts[k]++
	}
	var ix pairIndex
	total := 0
	for b := range counts {
		ix.start[b] = uint16(total)
		total += counts[b]
	}
	ix.start[1<<14] = uint16(total)
	ix.ids = make([]uint16, total)
	fill := ix.start
	for id, k := range keys {
		ix.ids[fill[k]] = uint16(id)
		fill[k]++
	}
	for i := range preparedRules {
		r := &preparedRules[i]
		r.anyAllIn = true
		for _, ph := range r.any {
			if ph.id < 0 {
				r.anyAllIn = false
				break
			}
			r.anyMask = addMask(r.anyMask, ph.id)
		}
	}
	return ix
}

// addMask sets phrase id's bit in a list of candidate words.
func addMask(masks []maskWord, id int) []maskWord {
	for i := range masks {
		if masks[i].word == id>>6 {
			masks[i].bits |= 1 << (id & 63)
			return masks
		}
	}
	return append(masks, maskWord{word: id >> 6, bits: 1 << (id & 63)})
}
