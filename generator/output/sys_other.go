//go:build !linux

package output

// exchange is not available here: swap renames the old folder aside
// instead.
func exchange(a, b string) error { return errNoExchange }

// lockDir does nothing here; RemoveStale relies on the name and the
// marker alone.
func lockDir(dir string) (func(), error) { return func() {}, nil }

func busy(dir string) bool { return false }
