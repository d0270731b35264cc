# oferta — the two commands a new developer needs:
#   make site   build the example school (this repository) into public/
#   make test   vet, unit/integration/browser tests, HTML and SARIF validation
GO      ?= go
TOOLS   := .ci/node_modules
VNU     := $(TOOLS)/vnu-jar/build/dist/vnu.jar
SARIF   := $(TOOLS)/@microsoft/sarif-multitool-linux/Sarif.Multitool
VERSION ?= $(shell git describe --tags --always --dirty 2>/dev/null || echo devel)
LDFLAGS := -X main.version=$(VERSION)

.PHONY: site test vet unit html tools bench bench-go bench-site fuzz clean oferta

oferta:
	$(GO) build -ldflags "$(LDFLAGS)" -o oferta ./cmd/oferta

site:
	$(GO) run -ldflags "$(LDFLAGS)" ./cmd/oferta build

test: vet unit html

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
