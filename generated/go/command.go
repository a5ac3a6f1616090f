package smtpcodes

import "errors"

// Command is an SMTP command the registry names (CommandRCPT, CommandDATA, ...), or one of
// its two pseudo-commands: CommandANY for the replies any command may get, CommandCONNECT
// for the server's greeting. The constants are generated from data/commands.yaml; the zero
// Command is none.
type Command uint8

type commandData struct {
	name, title, description string
	replies                  []ReplyCode
}

func (c Command) data() (*commandData, bool) {
	if c == 0 || int(c) > len(commands) {
		return nil, false
	}
	return &commands[c-1], true
}

// String gives the name as sent on the wire ("RCPT"), or the pseudo-name ("ANY",
// "CONNECT"); "" for the zero Command or one the registry does not name.
func (c Command) String() string {
	if d, ok := c.data(); ok {
		return d.name
	}
	return ""
}

// Title is a short title ("RCPT TO").
func (c Command) Title() string {
	if d, ok := c.data(); ok {
		return d.title
	}
	return ""
}

// Description says what the command does.
func (c Command) Description() string {
	if d, ok := c.data(); ok {
		return d.description
	}
	return ""
}

// Replies lists the reply codes the command may get, as its RFCs list them.
func (c Command) Replies() []ReplyCode {
	if d, ok := c.data(); ok {
		return append([]ReplyCode(nil), d.replies...)
	}
	return nil
}

// Commands lists every command the registry names, in its order.
func Commands() []Command {
	out := make([]Command, len(commands))
	for i := range out {
		out[i] = Command(i + 1)
	}
	return out
}

// ErrUnknownCommand is ParseCommand's error for a name the registry does not know.
var ErrUnknownCommand = errors.New("not an SMTP command the registry knows")

// ParseCommand gives the command with this name, ignoring ASCII case as SMTP does ("rcpt"
// is CommandRCPT).
func ParseCommand(name string) (Command, error) {
	for i := range commands {
		if asciiEqualFold(commands[i].name, name) {
			return Command(i + 1), nil
		}
	}
	return 0, ErrUnknownCommand
}

// commandNamed gives the command with this exact name, or the zero Command when the registry
// does not name it (the engine's rules then never apply).
func commandNamed(name string) Command {
	for i := range commands {
		if commands[i].name == name {
			return Command(i + 1)
		}
	}
	return 0
}

// asciiEqualFold compares ignoring ASCII case only (strings.EqualFold also folds Unicode:
// "K" would equal the Kelvin sign).
func asciiEqualFold(a, b string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := 0; i < len(a); i++ {
		if lower(a[i]) != lower(b[i]) {
			return false
		}
	}
	return true
}
