package serve

import (
	"fmt"
	"net"
	"net/http"
	"strings"
)

// hostSet decides which Host headers the server answers. A browser sends
// the name it looked up; a page on evil.example whose name is made to
// resolve to 127.0.0.1 (DNS rebinding) still sends "evil.example", so
// refusing names the server was not opened by keeps other sites' pages
// from reading the preview.
type hostSet struct {
	port string // the port listened on; "" before Serve
	// ip is the address listened on; any IP literal is answered when it
	// is unspecified (0.0.0.0 or ::), as no DNS name is involved then.
	ip net.IP
	// names are the allowed hosts by lower-case name: true when any
	// port is fine (an --allow-host without a port).
	names map[string]bool
	exact map[string]bool // allowed "host:port", lower case
}

// newHostSet returns the hosts a server listening on addr answers: the
// loopback names and addr's own IP, with addr's port, and allow. addr
// may be nil (before Serve): then any port is accepted.
func newHostSet(addr net.Addr, allow []string) *hostSet {
	h := &hostSet{names: map[string]bool{}, exact: map[string]bool{}}
	if ta, ok := addr.(*net.TCPAddr); ok {
		h.ip = ta.IP
		h.port = fmt.Sprint(ta.Port)
	}
	for _, a := range allow {
		a = strings.ToLower(strings.TrimSpace(a))
		if name, port, err := net.SplitHostPort(a); err == nil && port != "" {
			h.exact[net.JoinHostPort(strings.TrimSuffix(name, "."), port)] = true
			continue
		}
		h.names[strings.TrimSuffix(strings.Trim(a, "[]"), ".")] = true
	}
	return h
}

// allows reports whether a request's Host header is answered.
func (h *hostSet) allows(host string) bool {
	host = strings.ToLower(host)
	name, port, err := net.SplitHostPort(host)
	if err != nil {
		name, port = strings.Trim(host, "[]"), "80"
	}
	name = strings.TrimSuffix(name, ".")
	if h.names[name] || h.exact[net.JoinHostPort(name, port)] {
		return true
	}
	if h.port != "" && port != h.port {
		return false
	}
	if name == "localhost" {
		return true
	}
	ip := net.ParseIP(name)
	switch {
	case ip == nil:
		return false
	case ip.IsLoopback():
		return h.ip == nil || h.ip.IsLoopback() || h.ip.IsUnspecified()
	case h.ip != nil && h.ip.IsUnspecified():
		return true
	}
	return h.ip != nil && ip.Equal(h.ip)
}

// refuseHost answers a request whose Host the server does not answer.
func refuseHost(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.WriteHeader(http.StatusForbidden)
	fmt.Fprintf(w, "oferta serve does not answer for the host %q: open the preview at the address it prints, "+
		"or start it with --allow-host NAME to answer under another name.\n", r.Host)
}
