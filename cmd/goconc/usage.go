package main

import (
	"flag"
	"fmt"
	"slices"
	"strings"
)

// aboutColumn is where a command's description starts, after a short
// synopsis or under a long one.
const aboutColumn = 33

// usage is what goconc prints when it is given no command or one it
// does not know: the synopsis of every command.
func usage() string {
	var b strings.Builder
	b.WriteString("goconc: learn Go concurrency in GoNB notebooks\n\n")
	for line := range strings.Lines(synopses()) {
		b.WriteString("  " + line)
	}
	return b.String()
}

// synopses is every command's synopsis and description, as the
// README's command-line section shows them (a test holds the two
// equal).
func synopses() string {
	var b strings.Builder
	for _, c := range commands {
		fs, _ := c.flagSet()
		syn := synopsis(c, fs)
		for i, about := range c.about {
			switch {
			case i == 0 && len(syn) < aboutColumn:
				fmt.Fprintf(&b, "%-*s%s\n", aboutColumn, syn, about)
			case i == 0:
				fmt.Fprintf(&b, "%s\n%*s%s\n", syn, aboutColumn, "", about)
			default:
				fmt.Fprintf(&b, "%*s%s\n", aboutColumn, "", about)
			}
		}
	}
	return b.String()
}

// synopsis is "goconc NAME" with the command's flags, required ones
// first, then its operands: "goconc grade --out DIR [--fresh] … SUBMISSIONS".
func synopsis(c command, fs *flag.FlagSet) string {
	words := []string{"goconc", c.name}
	for _, name := range c.required {
		words = append(words, flagWord(fs.Lookup(name)))
	}
	fs.VisitAll(func(f *flag.Flag) {
		if !slices.Contains(c.required, f.Name) {
			words = append(words, "["+flagWord(f)+"]")
		}
	})
	if c.operands != "" {
		words = append(words, c.operands)
	}
	return strings.Join(words, " ")
}

// flagWord is how a flag is written in a synopsis: --name for a switch
// that is off by default, --name=false for one that is on, and
// --name VALUE for the rest, VALUE being the `name` quoted in the
// flag's usage or else N for a number and D for a duration.
func flagWord(f *flag.Flag) string {
	if b, ok := f.Value.(interface{ IsBoolFlag() bool }); ok && b.IsBoolFlag() {
		if f.DefValue == "true" {
			return "--" + f.Name + "=false"
		}
		return "--" + f.Name
	}
	value, _ := flag.UnquoteUsage(f)
	switch value {
	case "int":
		value = "N"
	case "duration":
		value = "D"
	}
	return "--" + f.Name + " " + value
}
