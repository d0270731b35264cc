package site

import (
	"strings"
	"testing"
)

// TestStringGivenNumber: a number where a string belongs (an ИНН without
// quotes) is answered with the line to write instead.
func TestStringGivenNumber(t *testing.T) {
	src := strings.Replace(encodeTOML(t, fullDoc(ConfigKeys)), `inn = "text"`, `inn = 500312345614`, 1)
	_, err := decodeConfig("oferta.toml", src)
	want := `seller.inn must be a string, not an integer — put it in quotes: inn = "500312345614"`
	if err == nil || !strings.Contains(err.Error(), want) {
		t.Fatalf("got %v\nwant %s", err, want)
	}
	src = strings.Replace(encodeTOML(t, fullDoc(ConfigKeys)), `phone = "text"`, `phone = 7.5`, 1)
	if _, err := decodeConfig("oferta.toml", src); err == nil || !strings.Contains(err.Error(), `not a decimal number — put it in quotes: phone = "7.5"`) {
		t.Fatalf("got %v", err)
	}
}
