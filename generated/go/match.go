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
	text  []byte // buf[:len] without trailing spaces, set by index
	pairs [1024]uint64
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
	t.text = t.buf[:end]
	for i := 0; i+1 < len(t.text); i++ {
		bit := uint(t.text[i])<<8 | uint(t.text[i+1])
		t.pairs[bit>>6] |= 1 << (bit & 63)
	}
}

func (t *matchText) hasPair(a, b byte) bool {
	bit := uint(lower(a))<<8 | uint(lower(b))
	return t.pairs[bit>>6]&(1<<(bit&63)) != 0
}

// possible reports whether needle could occur: it fits, and every adjacent pair occurs.
func (t *matchText) possible(needle string) bool {
	if len(needle) > len(t.text) {
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
	text := t.text
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

// containsPhrase: see ContainsPhrase.
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
	first, lastb := needle[0], needle[len(needle)-1]
	text := t.text
	for i := t.next(needle, 0); i >= 0; i = t.next(needle, i+1) {
		after := i + len(needle)
		if (openStart || !isWord(first) || i == 0 || !isWord(text[i-1])) &&
			(openEnd || !isWord(lastb) || after == len(text) || !isWord(text[after])) {
			return true
		}
	}
	return false
}

// contains reports whether needle occurs anywhere, ignoring ASCII case.
func (t *matchText) contains(needle string) bool {
	if needle == "" {
		return true
	}
	return t.possible(needle) && t.next(needle, 0) >= 0
}
