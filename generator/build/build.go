// Package build runs the stages in order — load, assemble, lint, render —
// and is what the commands and the preview server call. Writing the files
// is left to the caller (package output), so that the server can keep
// them in memory.
package build

import (
	"runtime"
	"sync"

	"github.com/oferta-dev/oferta/generator/contract"
	"github.com/oferta-dev/oferta/generator/edition"
	"github.com/oferta-dev/oferta/generator/lint"
	"github.com/oferta-dev/oferta/generator/refund"
	"github.com/oferta-dev/oferta/generator/render"
	"github.com/oferta-dev/oferta/generator/site"
)

// Checked is a loaded site with its contracts assembled and linted.
type Checked struct {
	Site      *site.Site
	Assembler *contract.Assembler
	Contracts []*contract.Contract // in the order of Site.Courses
	History   *edition.History
	// Status is each contract's standing against its frozen editions, by
	// index of Contracts.
	Status   []edition.Status
	Findings []lint.Finding
}

// Check loads the site in dir, assembles every course's contract and
// lints the result. An error means the input is malformed (exit 2);
// findings are returned in Checked.
func Check(dir string, builtin site.Builtin) (*Checked, error) {
	s, err := site.Load(dir, builtin)
	if err != nil {
		return nil, err
	}
	a := contract.New(s)
	contracts := make([]*contract.Contract, len(s.Courses))
	parallel(len(s.Courses), func(i int) {
		contracts[i] = a.Assemble(s.Courses[i])
	})
	return finish(s, a, contracts)
}

// finish compares the assembled contracts with their frozen editions and
// lints the result.
func finish(s *site.Site, a *contract.Assembler, contracts []*contract.Contract) (*Checked, error) {
	history, err := edition.NewHistory(s.Editions)
	if err != nil {
		return nil, err
	}
	status := make([]edition.Status, len(contracts))
	parallel(len(contracts), func(i int) {
		status[i] = history.StatusOf(contracts[i])
	})
	findings, err := lint.Run(lint.Input{Site: s, Contracts: contracts, LibraryProblems: a.Problems(), Editions: status})
	if err != nil {
		return nil, err
	}
	return &Checked{Site: s, Assembler: a, Contracts: contracts, History: history, Status: status, Findings: findings}, nil
}

// Render renders every page of a checked site, plus assets and the
// sitemap. draft marks every page as a draft.
func Render(c *Checked, draft bool) ([]render.File, error) {
	r, err := render.New(c.Site)
	if err != nil {
		return nil, err
	}
	r.Extra = []render.File{{Path: "assets/calc.js", Data: refund.CalcJS}}
	perCourse := make([][]render.File, len(c.Contracts))
	errs := make([]error, len(c.Contracts))
	parallel(len(c.Contracts), func(i int) {
		perCourse[i], errs[i] = r.Course(c.Contracts[i], c.Status[i], draft)
	})
	var files []render.File
	for i := range perCourse {
		if errs[i] != nil {
			return nil, errs[i]
		}
		files = append(files, perCourse[i]...)
	}
	for _, l := range c.Site.Config.Languages {
		f, err := r.Index(l, c.Contracts, draft)
		if err != nil {
			return nil, err
		}
		files = append(files, f)
	}
	assets, err := r.Assets()
	if err != nil {
		return nil, err
	}
	files = append(files, assets...)
	files = append(files, render.Sitemap(c.Site.Config.BaseURL, files))
	return files, nil
}

// parallel calls f(0..n-1) on every core; results go into slots the
// caller owns, so the output order never depends on scheduling.
func parallel(n int, f func(i int)) {
	workers := runtime.GOMAXPROCS(0)
	if workers > n {
		workers = n
	}
	var wg sync.WaitGroup
	next := make(chan int)
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				f(i)
			}
		}()
	}
	for i := 0; i < n; i++ {
		next <- i
	}
	close(next)
	wg.Wait()
}
