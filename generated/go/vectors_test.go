package smtpcodes

import (
	"encoding/json"
	"errors"
	"os"
	"reflect"
	"testing"
)

// The conformance vectors every reply parser of the project passes: testdata holds the
// generator's copy of generated/json/reply-vectors.json (from data/reply-vectors.yaml).

type vectorError struct {
	Kind     string `json:"kind"`
	Line     int    `json:"line"`
	Position int    `json:"position"`
}

type vectorClassification struct {
	Class  string `json:"class"`
	Reason string `json:"reason"`
	Bounce string `json:"bounce"`
}

type vector struct {
	Name           string                `json:"name"`
	Input          string                `json:"input"`
	Mode           string                `json:"mode"`
	MaxLineLength  *int                  `json:"max_line_length"`
	Basic          int                   `json:"basic"`
	Enhanced       *string               `json:"enhanced"`
	EnhancedState  string                `json:"enhanced_state"`
	EnhancedOther  *string               `json:"enhanced_other"`
	EnhancedInText *string               `json:"enhanced_in_text"`
	Lines          []string              `json:"lines"`
	Complete       bool                  `json:"complete"`
	Error          *vectorError          `json:"error"`
	Classification *vectorClassification `json:"classification"`
	Note           string                `json:"note"`
}

func loadVectors(t *testing.T) []vector {
	t.Helper()
	data, err := os.ReadFile("testdata/reply-vectors.json")
	if err != nil {
		t.Fatalf("reading the vectors: %v", err)
	}
	var doc struct {
		Vectors []vector `json:"vectors"`
	}
	if err := json.Unmarshal(data, &doc); err != nil {
		t.Fatalf("decoding the vectors: %v", err)
	}
	if len(doc.Vectors) < 100 {
		t.Fatalf("only %d vectors", len(doc.Vectors))
	}
	return doc.Vectors
}

func optCode(c EnhancedCode, ok bool) *string {
	if !ok {
		return nil
	}
	s := c.String()
	return &s
}

func strPtr(p *string) string {
	if p == nil {
		return "<none>"
	}
	return *p
}

func TestReplyVectors(t *testing.T) {
	for _, v := range loadVectors(t) {
		v := v
		t.Run(v.Name, func(t *testing.T) {
			options := ParseOptions{}
			if v.Mode == "strict" {
				options.Mode = Strict
			}
			if v.MaxLineLength != nil {
				options.MaxLineLength = *v.MaxLineLength
			}
			reply, err := ParseReplyWith(v.Input, options)
			if v.Error != nil {
				var re *ReplyError
				if !errors.As(err, &re) {
					t.Fatalf("%q parsed; want error %+v", v.Input, *v.Error)
				}
				got := vectorError{re.Kind.Name(), re.Line, re.Position}
				if got != *v.Error {
					t.Fatalf("%q: error %+v (%v); want %+v", v.Input, got, re, *v.Error)
				}
				return
			}
			if err != nil {
				t.Fatalf("%q: %v", v.Input, err)
			}
			if int(reply.Code()) != v.Basic {
				t.Errorf("code %d; want %d", reply.Code(), v.Basic)
			}
			state := reply.Enhanced()
			if state.Name() != v.EnhancedState {
				t.Errorf("enhanced state %s; want %s", state.Name(), v.EnhancedState)
			}
			if got := optCode(reply.EnhancedCode()); strPtr(got) != strPtr(v.Enhanced) {
				t.Errorf("enhanced %s; want %s", strPtr(got), strPtr(v.Enhanced))
			}
			if got := optCode(state.Other, state.Kind == StateInconsistent); strPtr(got) != strPtr(v.EnhancedOther) {
				t.Errorf("enhanced other %s; want %s", strPtr(got), strPtr(v.EnhancedOther))
			}
			if got := optCode(reply.EnhancedInText()); strPtr(got) != strPtr(v.EnhancedInText) {
				t.Errorf("enhanced in text %s; want %s", strPtr(got), strPtr(v.EnhancedInText))
			}
			if got := reply.Texts(); !reflect.DeepEqual(got, v.Lines) {
				t.Errorf("lines %q; want %q", got, v.Lines)
			}
			if reply.IsComplete() != v.Complete {
				t.Errorf("complete %v; want %v", reply.IsComplete(), v.Complete)
			}
			if reply.LineCount() != len(v.Lines) {
				t.Errorf("line count %d; want %d", reply.LineCount(), len(v.Lines))
			}
			if v.Mode == "strict" && len(reply.Violations()) != 0 {
				t.Errorf("a strict reply has violations: %v", reply.Violations())
			}
			if c := v.Classification; c != nil {
				got := reply.Classify()
				have := vectorClassification{got.Outcome.String(), got.Reason.ID(), got.Bounce.String()}
				if have != *c {
					t.Errorf("classification %+v (decided by %s); want %+v", have, got.DecidedBy, *c)
				}
			}
		})
	}
}

// A lenient parse reports as violations exactly what strict parsing would fail on first.
func TestViolationsAgreeWithStrictParsing(t *testing.T) {
	for _, v := range loadVectors(t) {
		if v.MaxLineLength != nil {
			continue
		}
		reply, err := ParseReply(v.Input)
		if err != nil {
			continue
		}
		_, strictErr := ParseReplyStrict(v.Input)
		violations := reply.Violations()
		if (strictErr == nil) != (len(violations) == 0) {
			t.Errorf("%s: strict error %v, violations %v", v.Name, strictErr, violations)
			continue
		}
		if strictErr != nil {
			re := strictErr.(*ReplyError)
			first := violations[0]
			if re.Kind != first.Kind || re.Line != first.Line || re.Position != first.Position {
				t.Errorf("%s: strict fails with %v; the first violation is %v", v.Name, re, first)
			}
		}
	}
}
