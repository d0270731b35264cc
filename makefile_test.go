package oferta

import (
	"os/exec"
	"strings"
	"testing"
)

// TestMakeTestSaysWhatIsMissing: on a machine without Chromium, Java or
// Node, `make test` says so up front in one line naming the Debian
// packages, instead of skipping browser tests silently or failing at the
// end. The targets run with an empty PATH, so nothing is found.
func TestMakeTestSaysWhatIsMissing(t *testing.T) {
	mk, err := exec.LookPath("make")
	if err != nil {
		t.Skip("make not found")
	}
	run := func(target string, env ...string) (string, error) {
		cmd := exec.Command(mk, "--no-print-directory", target)
		cmd.Env = append([]string{"PATH=" + t.TempDir()}, env...)
		out, err := cmd.CombinedOutput()
		return string(out), err
	}

	out, err := run("browser-note")
	if err != nil || !strings.Contains(out, "*** BROWSER TESTS SKIPPED: Chromium not found (apt-get install -y chromium) ***") {
		t.Errorf("browser-note without Chromium on a laptop: %v\n%s", err, out)
	}
	out, err = run("browser-note", "CI=true")
	if err == nil || !strings.Contains(out, "CI needs it") {
		t.Errorf("browser-note without Chromium in CI must fail: %v\n%s", err, out)
	}
	out, err = run("preflight")
	if err == nil || !strings.Contains(out, "make test needs: default-jre-headless nodejs npm") {
		t.Errorf("preflight without Java and Node must fail naming the packages: %v\n%s", err, out)
	}
}
