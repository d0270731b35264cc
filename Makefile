# oferta — the two commands a new developer needs:
#   make site   build the example school (this repository) into public/
#   make test   vet, unit/integration/browser tests, HTML, SARIF and Atom validation
GO      ?= go
TOOLS   := .ci/node_modules
VNU     := $(TOOLS)/vnu-jar/build/dist/vnu.jar
SARIF   := $(TOOLS)/@microsoft/sarif-multitool-linux/Sarif.Multitool
VERSION ?= $(shell git describe --tags --always --dirty 2>/dev/null || echo devel)
LDFLAGS := -X main.version=$(VERSION)

.PHONY: site test vet unit html feed tools bench bench-go bench-site fuzz clean oferta

oferta:
	$(GO) build -ldflags "$(LDFLAGS)" -o oferta ./cmd/oferta

site:
	$(GO) run -ldflags "$(LDFLAGS)" ./cmd/oferta build

test: vet unit html feed

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

clean:
	rm -rf public .ci/public oferta .bench
