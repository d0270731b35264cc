package main

import (
	"context"
	"errors"
	"fmt"
	"net"
	"strconv"
	"strings"
	"syscall"

	"github.com/oferta-dev/oferta/generator/serve"
)

func runServe(ctx context.Context, e *env, args []string) int {
	fs := newFlags(e, "serve", "serve [-s DIR] [--port N] [--bind ADDR] [--allow-host HOST]…")
	dir := fs.String("s", ".", "the site `folder`")
	port := fs.Int("port", 8090, "the TCP `port` to listen on; 0 picks a free one")
	bind := fs.String("bind", "127.0.0.1", "the `address` to listen on; anything but a loopback address shows the preview to other machines")
	var allow hostList
	fs.Var(&allow, "allow-host", "also answer requests for `HOST` (a name, or name:port), as behind a proxy or from another machine; repeatable. Without it only the address listened on and localhost are answered")
	pos, err := parseArgs(fs, args)
	if err != nil {
		return usageError(e, fs, err)
	}
	if len(pos) > 0 {
		fmt.Fprintf(e.stderr, "oferta serve: unexpected argument %q (the site folder is given with -s)\n", pos[0])
		return exitBadInput
	}
	if *port < 0 || *port > 65535 {
		fmt.Fprintf(e.stderr, "oferta serve: --port %d is not a TCP port (0 to 65535; 0 picks a free one)\n", *port)
		return exitBadInput
	}
	srv, err := serve.New(serve.Options{Dir: *dir, Builtin: e.builtin, Log: e.stdout, AllowHosts: allow})
	if err != nil {
		fmt.Fprintf(e.stderr, "oferta serve: %v\n", err)
		return exitBadInput
	}
	addr := net.JoinHostPort(*bind, strconv.Itoa(*port))
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		if errors.Is(err, syscall.EADDRINUSE) {
			fmt.Fprintf(e.stderr, "oferta serve: port %d on %s is already in use; choose another with --port N, or --port 0 for a free one\n", *port, *bind)
		} else {
			fmt.Fprintf(e.stderr, "oferta serve: cannot listen on %s: %v\n", addr, err)
		}
		return exitBadInput
	}
	if ip := net.ParseIP(*bind); *bind != "localhost" && (ip == nil || !ip.IsLoopback()) {
		fmt.Fprintf(e.stderr, "oferta serve: warning: listening on %s, so other machines can open the preview (at its IP address; to open it by a name, add --allow-host NAME)\n", *bind)
	}
	fmt.Fprintf(e.stdout, "serving %s at http://%s/ (Ctrl-C to stop)\n", *dir, ln.Addr())
	if err := srv.Serve(ctx, ln); err != nil {
		fmt.Fprintf(e.stderr, "oferta serve: %v\n", err)
		return exitBadInput
	}
	fmt.Fprintln(e.stdout, "stopped")
	return exitOK
}

// hostList is a flag that may be given several times.
type hostList []string

func (h *hostList) String() string { return strings.Join(*h, ",") }

func (h *hostList) Set(v string) error {
	if strings.TrimSpace(v) == "" || strings.ContainsAny(v, "/ ") {
		return fmt.Errorf("%q is not a host name (give a name such as preview.example.com, or name:port)", v)
	}
	*h = append(*h, v)
	return nil
}
