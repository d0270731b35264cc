// Package oferta holds the parts of the repository that are built into the
// binary: the clause library (clauses/) and the default theme
// (themes/default/). The code lives under generator/ and cmd/.
package oferta

import (
	"embed"
	"io/fs"
)

//go:embed all:clauses all:themes/default
var files embed.FS

// Clauses returns the built-in clause library: one folder per language.
func Clauses() fs.FS {
	sub, err := fs.Sub(files, "clauses")
	if err != nil {
		panic(err) // the path is a constant inside the embedded tree
	}
	return sub
}

// Theme returns the built-in theme "default".
func Theme() fs.FS {
	sub, err := fs.Sub(files, "themes/default")
	if err != nil {
		panic(err)
	}
	return sub
}
