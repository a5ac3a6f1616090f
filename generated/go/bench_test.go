package smtpcodes

import (
	"bufio"
	"encoding/json"
	"os"
	"testing"
)

// Throughput on the project's dev corpus, the replies the Rust benchmarks use
// (bench/benches/parse.rs and classify.rs), each with a final CRLF:
//
//	go test -run '^$' -bench . -benchmem
//
// The corpus lives beside the Rust crate; run from a checkout of the whole project.
const devCorpus = "../rust/tests/corpus/replies-dev.jsonl"

func loadCorpus(b *testing.B) ([]string, int64) {
	b.Helper()
	f, err := os.Open(devCorpus)
	if err != nil {
		b.Skipf("no dev corpus (%v): run from the project's checkout", err)
	}
	defer f.Close()
	var replies []string
	var size int64
	scan := bufio.NewScanner(f)
	scan.Buffer(make([]byte, 1<<20), 1<<20)
	for scan.Scan() {
		var row struct {
			Reply string `json:"reply"`
		}
		if len(scan.Bytes()) == 0 {
			continue
		}
		if err := json.Unmarshal(scan.Bytes(), &row); err != nil {
			b.Fatal(err)
		}
		r := row.Reply + "\r\n"
		replies = append(replies, r)
		size += int64(len(r))
	}
	return replies, size
}

// BenchmarkParse parses each reply and reads every line's text and the enhanced code, as
// the Rust benchmark "corpus/smtp-codes" does. Reported as bytes per second.
func BenchmarkParse(b *testing.B) {
	replies, size := loadCorpus(b)
	b.SetBytes(size)
	b.ResetTimer()
	sum := 0
	for i := 0; i < b.N; i++ {
		for _, r := range replies {
			reply, err := ParseReply(r)
			if err != nil {
				sum++
				continue
			}
			sum += int(reply.Code())
			reply.EachLine(func(l Line) bool {
				sum += len(l.Text)
				return true
			})
			if e, ok := reply.EnhancedCode(); ok {
				sum += int(e.Detail())
			}
		}
	}
	if sum == 0 {
		b.Fatal("nothing parsed")
	}
}

// BenchmarkParseAndClassify parses and classifies each reply; the ns/op divided by the
// number of replies gives the time per reply.
func BenchmarkParseAndClassify(b *testing.B) {
	replies, _ := loadCorpus(b)
	b.ReportMetric(float64(len(replies)), "replies/op")
	b.ResetTimer()
	var last Reason
	for i := 0; i < b.N; i++ {
		for _, r := range replies {
			reply, err := ParseReply(r)
			if err != nil {
				b.Fatal(err)
			}
			last = reply.Classify().Reason
		}
	}
	_ = last
}

// BenchmarkClassify classifies replies parsed beforehand.
func BenchmarkClassify(b *testing.B) {
	replies, _ := loadCorpus(b)
	parsed := make([]Reply, len(replies))
	for i, r := range replies {
		reply, err := ParseReply(r)
		if err != nil {
			b.Fatal(err)
		}
		parsed[i] = reply
	}
	b.ReportMetric(float64(len(replies)), "replies/op")
	b.ResetTimer()
	var last Reason
	for i := 0; i < b.N; i++ {
		for j := range parsed {
			last = Classify(&parsed[j]).Reason
		}
	}
	_ = last
}
