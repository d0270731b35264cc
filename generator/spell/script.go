package spell

import (
	_ "embed"
	"encoding/json"
	"sync"
)

//go:embed words.js
var wordsJS []byte

// Script is the browser's copy of Amount: words.js followed by the tables
// of every language as JSON, so both sides spell from the same data.
// It defines window.OfertaWords.amount(plain, lang, currencyCode, digits).
// The result is the same slice on every call; callers must not modify it.
func Script() []byte { return script() }

var script = sync.OnceValue(func() []byte {
	data, err := json.Marshal(langs)
	if err != nil {
		panic("spell: tables do not marshal: " + err.Error()) // static data
	}
	out := append([]byte{}, wordsJS...)
	out = append(out, "OfertaWords.langs = "...)
	out = append(out, data...)
	out = append(out, ";\n"...)
	return out
})
