package site

import "github.com/oferta-dev/oferta/generator/pos"

// The position and error types live in the leaf package pos; these names
// keep site's callers short.
type (
	Pos       = pos.Pos
	Error     = pos.Error
	ErrorList = pos.List
)

// Errorf returns an *Error at p.
func Errorf(p Pos, format string, args ...any) *Error { return pos.Errorf(p, format, args...) }

// Errors flattens err into the positioned errors it holds.
func Errors(err error) []*Error { return pos.Errors(err) }
