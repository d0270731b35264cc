# oferta — the two commands a new developer needs:
#   make site   build the example school (this repository) into public/
#   make test   vet, unit/integration/browser tests, HTML, SARIF and Atom validation
GO      ?= go
TOOLS   := .ci/node_modules
VNU     := $(TOOLS)/vnu-jar/build/dist/vnu.jar
SARIF   := $(TOOLS)/@microsoft/sarif-multitool-linux/Sarif.Multitool
VERSION ?= $(shell git describe --tags --always --dirty 2>/dev/null || echo devel)
LDFLAGS := -X main.version=$(VERSION)

.PHONY: site test preflight browser-note vet unit html feed tools bench bench-go bench-site fuzz clean oferta

oferta:
	$(GO) build -ldflags "$(LDFLAGS)" -o oferta ./cmd/oferta

site:
	$(GO) run -ldflags "$(LDFLAGS)" ./cmd/oferta build

test: preflight vet unit html feed
	@$(MAKE) --no-print-directory browser-note

# What the tests need, checked before anything runs, naming the Debian
# package to install. Without Chromium the browser tests are skipped on a
# laptop (one loud line here and again at the end) and fail in CI.
preflight:
	@missing=""; \
	command -v java >/dev/null 2>&1 || missing="$$missing default-jre-headless"; \
	command -v node >/dev/null 2>&1 || missing="$$missing nodejs"; \
	command -v npm >/dev/null 2>&1 || missing="$$missing npm"; \
	command -v jing >/dev/null 2>&1 || missing="$$missing jing"; \
	if [ -n "$$missing" ]; then \
	  echo "make test needs:$$missing (apt-get install -y$$missing)"; exit 1; fi
	@$(MAKE) --no-print-directory browser-note

browser-note:
	@if [ -z "$$OFERTA_CHROMIUM" ] && ! command -v chromium >/dev/null 2>&1 && ! command -v chromium-browser >/dev/null 2>&1; then \
	  if [ "$$CI" = "true" ]; then echo "*** Chromium not found: CI needs it for the browser tests (apt-get install -y chromium) ***"; exit 1; fi; \
	  echo "*** BROWSER TESTS SKIPPED: Chromium not found (apt-get install -y chromium) ***"; fi

vet:
	@unformatted=$$(gofmt -l cmd generator *.go); \
	if [ -n "$$unformatted" ]; then echo "gofmt needed:"; echo "$$unformatted"; exit 1; fi
	$(GO) vet ./...

# Validators come from npm, pinned in .ci/package.json.
$(VNU) $(SARIF): .ci/package.json
	cd .ci && npm install --no-audit --no-fund --loglevel=error
	@touch $(VNU) $(SARIF)

tools: $(VNU) $(SARIF)

unit: tools
	OFERTA_SARIF_MULTITOOL=$(CURDIR)/$(SARIF) $(GO) test -count=1 ./...

# Every page of the example site must pass the Nu HTML Checker with zero errors.
html: tools
	rm -rf .ci/public
	$(GO) run ./cmd/oferta build -q -d .ci/public
	java -jar $(VNU) --errors-only --skip-non-html .ci/public
	@echo "vnu: every page of the example site is valid HTML"

# The example site's feed.xml must be valid Atom (RFC 4287): jing (Debian
# package jing) checks it against .ci/atom.rnc, and must reject a feed
# whose entry lacks its id, so the check is known to bite.
JING ?= jing
feed: html
	@command -v $(JING) >/dev/null || { echo "jing is missing: apt-get install jing"; exit 1; }
	$(JING) -c .ci/atom.rnc .ci/public/feed.xml 2>/dev/null
	@if $(JING) -c .ci/atom.rnc .ci/testdata/feed-no-id.xml >/dev/null 2>&1; then echo "jing accepted an invalid feed"; exit 1; fi
	@echo "jing: feed.xml is valid Atom"

# Performance: the Go benchmarks, then oferta against Hugo on synthetic
# sites of 100, 1,000 and 10,000 courses (one table, also written to
# .bench/results.md; installs Debian's hugo when it is missing). See the
# Performance section of README.md.
bench: bench-go bench-site

bench-go:
	$(GO) test -run '^$$' -bench . -benchmem ./...

bench-site:
	$(GO) run ./cmd/benchsite bench -work .bench

fuzz:
	$(GO) test -run '^$$' -fuzz FuzzParseEval -fuzztime 60s ./generator/expr
	$(GO) test -run '^$$' -fuzz FuzzLoad -fuzztime 60s -fuzzminimizetime 200x ./generator/site

clean:
	rm -rf public .ci/public oferta .bench
