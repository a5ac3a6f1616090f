// Command smtp-explain says what an SMTP reply means, for the person holding it.
//
//	smtp-explain '550 5.1.1 <bob@example.com> User unknown'
//	smtp-explain --json '421 4.7.0 [TSS04] Messages from 192.0.2.1 temporarily deferred'
//	printf '"550 5.7.26 Unauthenticated email"\n' | smtp-explain --jsonl
//	smtp-explain --command RCPT --remote-host gmail-smtp-in.l.google.com '552 Too many recipients'
//
// --command and --remote-host give the classifier its Context for every reply of the run.
// Its output is the Rust tool's (explain/src/ in the workspace); with --jsonl, byte
// for byte.
package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
	"syscall"
	"unicode/utf8"

	smtpcodes "github.com/smtp-codes/smtp-codes/generated/go"
)

const usage = `smtp-explain: what an SMTP reply means, and what to do about it

usage:
  smtp-explain [--site BASE] REPLY...    explain each reply (one argument per reply;
                                         use \r\n or a real line break between lines)
  smtp-explain --json [--site BASE] REPLY...
                                         the same, as one JSON object per reply
  smtp-explain --jsonl [--site BASE]     read standard input: one JSON string per line
                                         (a raw reply); write one JSON object per line
  smtp-explain --help | --version

--site BASE   where the reference site lives (a URL or a folder); default: the
              SMTP_CODES_SITE environment variable, else the registry's site_url,
              else the repository path site/.
--command CMD the command the replies answered (RCPT, DATA, ...): 552 to RCPT is
              treated as 452, a bare rejection of DATA as a content rejection.
--remote-host HOST
              the server that sent the replies (gmail-smtp-in.l.google.com): its
              name tells whose meaning of a code applies.
`

func main() { os.Exit(run(os.Args[1:])) }

func run(args []string) int {
	mode := "text"
	site, ok := os.LookupEnv("SMTP_CODES_SITE")
	if !ok {
		site = smtpcodes.SiteURL
		if site == "" {
			site = "site/"
		}
	}
	var replies []string
	var ctx smtpcodes.Context
	for i := 0; i < len(args); i++ {
		a := args[i]
		switch {
		case a == "-h" || a == "--help":
			fmt.Print(usage)
			return 0
		case a == "-V" || a == "--version":
			fmt.Printf("smtp-explain (Go; registry %s)\n", smtpcodes.RegistryVersion)
			return 0
		case a == "--json":
			mode = "json"
		case a == "--jsonl":
			mode = "jsonl"
		case a == "--site":
			i++
			if i >= len(args) {
				fmt.Fprintf(os.Stderr, "smtp-explain: --site needs a value\n\n%s\n", usage)
				return 2
			}
			site = args[i]
		case a == "--command":
			i++
			if i >= len(args) {
				fmt.Fprintf(os.Stderr, "smtp-explain: --command needs a value\n\n%s\n", usage)
				return 2
			}
			cmd, err := smtpcodes.ParseCommand(args[i])
			if err != nil {
				fmt.Fprintf(os.Stderr, "smtp-explain: --command `%s` is not an SMTP command the registry knows\n\n%s\n", args[i], usage)
				return 2
			}
			ctx.Command = cmd
		case a == "--remote-host":
			i++
			if i >= len(args) || strings.TrimSpace(args[i]) == "" {
				fmt.Fprintf(os.Stderr, "smtp-explain: --remote-host needs a host name\n\n%s\n", usage)
				return 2
			}
			ctx.RemoteHost = args[i]
		case a == "--":
			replies = append(replies, args[i+1:]...)
			i = len(args)
		case len(a) > 1 && a[0] == '-' && !(a[1] >= '0' && a[1] <= '9'):
			fmt.Fprintf(os.Stderr, "smtp-explain: unknown option `%s`\n\n%s\n", a, usage)
			return 2
		default:
			replies = append(replies, a)
		}
	}
	if !strings.HasSuffix(site, "/") {
		site += "/"
	}
	switch {
	case mode == "jsonl":
		if len(replies) > 0 {
			fmt.Fprintln(os.Stderr, "smtp-explain: --jsonl reads standard input; give no replies as arguments")
			return 2
		}
		// A closed pipe then shows as a write error, which ends the run quietly.
		signal.Ignore(syscall.SIGPIPE)
		return jsonl(os.Stdin, os.Stdout, site, ctx)
	case len(replies) == 0:
		fmt.Fprint(os.Stderr, usage)
		return 2
	case mode == "json":
		failed := false
		for _, r := range replies {
			v := explainJSON(unescapeArg(r), site, ctx)
			failed = failed || v.get("error") != nil
			os.Stdout.Write(append(writePretty(nil, v, 0), '\n'))
		}
		if failed {
			return 1
		}
		return 0
	default:
		failed := false
		for n, r := range replies {
			if n > 0 {
				fmt.Println()
			}
			text, good := explainText(unescapeArg(r), site, ctx)
			os.Stdout.WriteString(text)
			failed = failed || !good
		}
		if failed {
			return 1
		}
		return 0
	}
}

func (o object) get(key string) interface{} {
	for _, f := range o {
		if f.key == key {
			return f.value
		}
	}
	return nil
}

// unescapeArg: a command-line argument may spell line breaks as \r\n or \n.
func unescapeArg(s string) string {
	return strings.ReplaceAll(strings.ReplaceAll(s, `\r\n`, "\r\n"), `\n`, "\n")
}

// jsonl reads one JSON string per line and writes one JSON object per line, each reply
// classified in ctx. A line that is
// not UTF-8, not JSON, or not a JSON string gets error and error_kind; processing goes on.
func jsonl(in io.Reader, out io.Writer, site string, ctx smtpcodes.Context) int {
	r := bufio.NewReaderSize(in, 64*1024)
	w := bufio.NewWriterSize(out, 64*1024)
	var buf []byte
	for n := 1; ; n++ {
		line, err := r.ReadSlice('\n')
		if err == bufio.ErrBufferFull {
			buf = append(buf[:0], line...)
			for err == bufio.ErrBufferFull {
				line, err = r.ReadSlice('\n')
				buf = append(buf, line...)
			}
			line = buf
		}
		if err != nil && err != io.EOF {
			w.Flush()
			fmt.Fprintf(os.Stderr, "smtp-explain: cannot read standard input: %v\n", err)
			return 1
		}
		if len(line) == 0 {
			break
		}
		if line[len(line)-1] == '\n' {
			line = line[:len(line)-1]
			if len(line) > 0 && line[len(line)-1] == '\r' {
				line = line[:len(line)-1]
			}
		}
		var v object
		text := string(line)
		switch s, isString, isJSON := decodeLine(text); {
		case !utf8.ValidString(text):
			v = errorObject(nil, "the line is not UTF-8", "not_utf8")
		case !isJSON:
			v = errorObject(nil, "the line is not JSON", "not_json")
		case !isString:
			v = errorObject(nil, "expected a JSON string holding one reply", "not_string")
		default:
			v = explainJSON(s, site, ctx)
		}
		v = append(v, field{"line", n})
		b := writeCompact(make([]byte, 0, 2048), v)
		b = append(b, '\n')
		if _, werr := w.Write(b); werr != nil {
			return writeFailed(werr)
		}
		if err == io.EOF {
			break
		}
	}
	if err := w.Flush(); err != nil {
		return writeFailed(err)
	}
	return 0
}

// writeFailed: a closed pipe ends the run quietly, as Unix tools do; any other write error
// is reported.
func writeFailed(err error) int {
	if errors.Is(err, syscall.EPIPE) {
		return 0
	}
	fmt.Fprintf(os.Stderr, "smtp-explain: cannot write standard output: %v\n", err)
	return 1
}
