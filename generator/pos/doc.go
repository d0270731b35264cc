// Package pos holds positions in a user's files and the errors that carry
// them. It is a leaf: every stage (site, contract, lint, render, pipeline,
// serve, the commands) reports problems with these types, so a file, line
// and column mean the same thing everywhere.
//
// Columns are counted in runes (Unicode code points) from 1. Use Column to
// turn a byte offset within a line into a column.
package pos
