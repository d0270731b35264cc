package serve

import "sync"

// message is one Server-Sent Event.
type message struct {
	event string
	data  []byte
}

// hub fans events out to every open event stream. A Server owns one; there
// is no package-level hub.
type hub struct {
	mu     sync.Mutex
	subs   map[chan message]struct{}
	closed bool
	done   chan struct{} // closed by close, which ends every stream
}

func newHub() *hub {
	return &hub{subs: map[chan message]struct{}{}, done: make(chan struct{})}
}

// subscribe returns a channel of events and a function that ends the
// subscription.
func (h *hub) subscribe() (<-chan message, func()) {
	ch := make(chan message, 16)
	h.mu.Lock()
	defer h.mu.Unlock()
	if !h.closed {
		h.subs[ch] = struct{}{}
	}
	return ch, func() {
		h.mu.Lock()
		delete(h.subs, ch)
		h.mu.Unlock()
	}
}

// publish sends m to every subscriber without waiting. A subscriber that
// has fallen 16 events behind loses its oldest one: every event only asks
// the page to fetch the current status, so the newest is what matters.
func (h *hub) publish(m message) {
	h.mu.Lock()
	defer h.mu.Unlock()
	for ch := range h.subs {
		select {
		case ch <- m:
			continue
		default:
		}
		select {
		case <-ch:
		default:
		}
		select {
		case ch <- m:
		default:
		}
	}
}

// close ends every stream; later subscriptions get nothing.
func (h *hub) close() {
	h.mu.Lock()
	defer h.mu.Unlock()
	if !h.closed {
		h.closed = true
		close(h.done)
	}
}
