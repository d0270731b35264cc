//go:build !unix

package site

// openNonblock is not needed where named pipes cannot sit among files.
const openNonblock = 0
