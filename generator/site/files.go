package site

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
	"sync"
	"unsafe"
)

// Every file of a site is read here, and only here: oferta.toml, courses,
// the site's clauses, editions, and the site's theme (layouts, strings,
// assets, read by loadTheme through siteFS). A site may come from a
// stranger's pull request, so a file is read only when
//
//   - it is inside the site: the folder is opened as an os.Root, so that a
//     path or a symbolic link that leads out of it cannot be opened (a link
//     whose target stays inside the site is followed);
//   - it is a regular file: a named pipe would block the read forever and
//     a device such as /dev/zero never ends, so the file is opened without
//     blocking and checked before anything is read;
//   - it is not larger than a limit, and at most the limit plus one byte is
//     ever read, so that a file that grows while it is read cannot exhaust
//     memory either.

// Limits on the size of the files of a site.
const (
	// maxFileSize bounds every text file: TOML, clauses, editions, theme
	// layouts and strings.
	maxFileSize = 1 << 20
	// maxAssetSize bounds a theme asset (a style sheet, a font, an image).
	maxAssetSize = 16 << 20
)

// siteFiles reads the files of one site folder.
type siteFiles struct {
	dir  string
	root *os.Root
	// dirs holds the folders of the site opened so far as roots of their
	// own (see openIn), by site-relative path; nil marks one that could
	// not be opened.
	dirsMu sync.Mutex
	dirs   map[string]*os.Root
}

// maxDirRoots bounds the folders siteFiles keeps open.
const maxDirRoots = 64

// openSiteFiles opens the site folder dir. The folder stays open until the
// siteFiles is no longer used (the os.Root closes itself then).
func openSiteFiles(dir string) (*siteFiles, error) {
	root, err := os.OpenRoot(dir)
	if err != nil {
		return nil, err
	}
	return &siteFiles{dir: dir, root: root}, nil
}

// errOutside and errNotRegular are the reasons a file of the site is
// refused, for errors.Is.
var (
	errOutside    = errors.New("leads outside the site")
	errNotRegular = errors.New("not a regular file")
)

// refusal is the end of every message that refuses a file.
const refusal = "oferta reads only regular files inside the site"

// stat returns the file information of name (site-relative, with slashes),
// following symbolic links that stay inside the site. It returns the name
// to open, which differs from name when an absolute link had to be
// resolved.
func (f *siteFiles) stat(name string) (string, fs.FileInfo, error) {
	fi, err := f.root.Stat(name)
	if err == nil {
		return name, fi, nil
	}
	if errors.Is(err, fs.ErrNotExist) || errors.Is(err, fs.ErrPermission) {
		return name, nil, &Error{File: name, Err: err}
	}
	// os.Root refuses every absolute link and every link that climbs out
	// of the folder. Resolve the link to tell one that points back into
	// the site (allowed) from one that leads out of it.
	real, rerr := filepath.EvalSymlinks(filepath.Join(f.dir, filepath.FromSlash(name)))
	if rerr != nil {
		return name, nil, &Error{File: name, Err: err}
	}
	base, berr := filepath.EvalSymlinks(f.dir)
	rel, relErr := filepath.Rel(base, real)
	if berr != nil || relErr != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) || filepath.IsAbs(rel) {
		return name, nil, &Error{File: name, Err: fmt.Errorf("a link that %w (to %s); %s", errOutside, real, refusal)}
	}
	rel = filepath.ToSlash(rel)
	fi, err = f.root.Stat(rel)
	if err != nil {
		return name, nil, &Error{File: name, Err: err}
	}
	return rel, fi, nil
}

// explain turns an error met while walking the site's folder p into an
// *Error about p, saying so when p is a link that leads out of the site.
func (f *siteFiles) explain(p string, err error) error {
	var e *Error
	if errors.As(err, &e) {
		return e
	}
	if _, _, serr := f.stat(p); serr != nil && errors.Is(serr, errOutside) {
		return serr
	}
	return &Error{File: p, Err: err}
}

// checkRegular refuses anything but a regular file.
func checkRegular(name string, fi fs.FileInfo) error {
	if fi.Mode().IsRegular() {
		return nil
	}
	return &Error{File: name, Err: fmt.Errorf("%w (%s); %s", errNotRegular, describeMode(fi.Mode()), refusal)}
}

func describeMode(m fs.FileMode) string {
	switch {
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeCharDevice != 0:
		return "a character device"
	case m&fs.ModeDevice != 0:
		return "a device"
	case m.IsDir():
		return "a folder"
	case m&fs.ModeSymlink != 0:
		return "a symbolic link"
	}
	return "an irregular file"
}

// open opens the regular file name for reading, with its size. It opens
// without blocking, so that a named pipe does not wait for a writer, and
// then checks what it opened; only when the open fails does it look
// closer, to resolve an absolute link that stays inside the site or to
// say why the file is refused.
func (f *siteFiles) open(name string) (*os.File, fs.FileInfo, error) {
	const flags = os.O_RDONLY | openNonblock
	file, err := f.openIn(name, flags)
	if err != nil {
		file, err = f.root.OpenFile(name, flags, 0)
	}
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) || errors.Is(err, fs.ErrPermission) {
			return nil, nil, &Error{File: name, Err: err}
		}
		real, fi, serr := f.stat(name)
		if serr != nil {
			return nil, nil, serr
		}
		if cerr := checkRegular(name, fi); cerr != nil {
			return nil, nil, cerr
		}
		if real == name {
			return nil, nil, &Error{File: name, Err: err}
		}
		if file, err = f.root.OpenFile(real, flags, 0); err != nil {
			return nil, nil, &Error{File: name, Err: err}
		}
	}
	fi, err := file.Stat()
	if err == nil {
		err = checkRegular(name, fi)
	}
	if err != nil {
		file.Close()
		return nil, nil, err
	}
	return file, fi, nil
}

// openIn opens name inside the folder that holds it, opened once as an
// os.Root of its own: os.Root opens a file in a subfolder by opening each
// folder on the way and closing it again, three system calls where one
// does. A file the folder's root refuses (a link that leaves the folder
// but perhaps not the site) or cannot open is an error, and open then
// asks the site's root, as if openIn had not been tried.
func (f *siteFiles) openIn(name string, flags int) (*os.File, error) {
	dir, base := path.Split(name)
	if dir == "" {
		return nil, errNotInFolder
	}
	dir = strings.TrimSuffix(dir, "/")
	f.dirsMu.Lock()
	r, ok := f.dirs[dir]
	if !ok && len(f.dirs) < maxDirRoots {
		r, _ = f.root.OpenRoot(dir) // nil when it fails
		if f.dirs == nil {
			f.dirs = map[string]*os.Root{}
		}
		f.dirs[dir] = r
	}
	f.dirsMu.Unlock()
	if r == nil {
		return nil, errNotInFolder
	}
	return r.OpenFile(base, flags, 0)
}

// close closes the site folder and the folders openIn opened.
func (f *siteFiles) close() {
	f.dirsMu.Lock()
	for _, r := range f.dirs {
		if r != nil {
			r.Close()
		}
	}
	f.dirs = nil
	f.dirsMu.Unlock()
	f.root.Close()
}

// errNotInFolder is openIn's answer when it does not open the file.
var errNotInFolder = errors.New("not opened in its folder")

// read returns the content of the regular file name, of at most limit
// bytes.
func (f *siteFiles) read(name string, limit int64) ([]byte, error) {
	file, fi, err := f.open(name)
	if err != nil {
		return nil, err
	}
	defer file.Close()
	return readLimited(name, file, fi.Size(), limit)
}

// readLimited reads r, which claims size bytes, reading at most limit+1
// bytes whatever it claims.
func readLimited(name string, r io.Reader, size, limit int64) ([]byte, error) {
	if size > limit {
		return nil, tooLarge(name, size, limit)
	}
	buf := make([]byte, 0, size+1)
	data, err := readAtMost(r, buf, limit+1)
	if err != nil {
		return nil, &Error{File: name, Err: err}
	}
	if int64(len(data)) > limit {
		return nil, Errorf(Pos{File: name, Line: 1, Col: 1}, "the file is over %d bytes; oferta reads files of at most %d bytes", limit, limit)
	}
	return data, nil
}

// readAtMost appends to buf what r gives, up to n bytes in all.
func readAtMost(r io.Reader, buf []byte, n int64) ([]byte, error) {
	lr := io.LimitReader(r, n)
	for {
		if len(buf) == cap(buf) {
			buf = append(buf, 0)[:len(buf)]
		}
		m, err := lr.Read(buf[len(buf):cap(buf)])
		buf = buf[:len(buf)+m]
		if err == io.EOF {
			return buf, nil
		}
		if err != nil {
			return buf, err
		}
	}
}

func tooLarge(name string, size, limit int64) error {
	return Errorf(Pos{File: name, Line: 1, Col: 1}, "the file is %d bytes; oferta reads files of at most %d bytes", size, limit)
}

// readText returns a text file of the site (TOML, Markdown, a layout) as
// a string, checked to be UTF-8.
func (f *siteFiles) readText(name string) (string, error) {
	data, err := f.read(name, maxFileSize)
	if err != nil {
		return "", err
	}
	// data is this call's own buffer and nothing writes to it again: the
	// string takes it over instead of copying it.
	src := unsafe.String(unsafe.SliceData(data), len(data))
	if err := checkUTF8(name, src, 0); err != nil {
		return "", err
	}
	return src, nil
}

// FS returns the folder dir of the site as an fs.FS that opens only what
// read would read: regular files inside the site, and folders.
func (f *siteFiles) FS(dir string) fs.FS { return &siteFS{files: f, dir: dir} }

// siteFS is a folder of the site as an fs.FS, for walking the theme.
type siteFS struct {
	files *siteFiles
	dir   string
}

func (s *siteFS) name(op, name string) (string, error) {
	if !fs.ValidPath(name) {
		return "", &fs.PathError{Op: op, Path: name, Err: fs.ErrInvalid}
	}
	return path.Join(s.dir, name), nil
}

// limit is the size limit of a file of the theme: assets may be larger
// than text.
func (s *siteFS) limit(name string) int64 {
	if strings.HasPrefix(name, "assets/") {
		return maxAssetSize
	}
	return maxFileSize
}

func (s *siteFS) Open(name string) (fs.File, error) {
	full, err := s.name("open", name)
	if err != nil {
		return nil, err
	}
	_, fi, err := s.files.stat(full)
	if err != nil {
		return nil, err
	}
	if fi.IsDir() {
		d, err := s.files.root.Open(full)
		if err != nil {
			return nil, &Error{File: full, Err: err}
		}
		return d, nil
	}
	file, fi, err := s.files.open(full)
	if err != nil {
		return nil, err
	}
	limit := s.limit(name)
	if fi.Size() > limit {
		file.Close()
		return nil, tooLarge(full, fi.Size(), limit)
	}
	return &limitedFile{File: file, name: full, left: limit}, nil
}

func (s *siteFS) ReadFile(name string) ([]byte, error) {
	full, err := s.name("readfile", name)
	if err != nil {
		return nil, err
	}
	return s.files.read(full, s.limit(name))
}

func (s *siteFS) ReadDir(name string) ([]fs.DirEntry, error) {
	full, err := s.name("readdir", name)
	if err != nil {
		return nil, err
	}
	entries, err := fs.ReadDir(s.files.root.FS(), full)
	if err != nil {
		return entries, s.files.explain(full, err)
	}
	return entries, nil
}

func (s *siteFS) Stat(name string) (fs.FileInfo, error) {
	full, err := s.name("stat", name)
	if err != nil {
		return nil, err
	}
	_, fi, err := s.files.stat(full)
	return fi, err
}

// limitedFile is a regular file of the theme that fails, rather than
// giving more, once it has given its limit.
type limitedFile struct {
	*os.File
	name string
	left int64
}

func (l *limitedFile) Read(p []byte) (int, error) {
	if int64(len(p)) > l.left+1 {
		p = p[:l.left+1]
	}
	n, err := l.File.Read(p)
	l.left -= int64(n)
	if l.left < 0 {
		return n, Errorf(Pos{File: l.name, Line: 1, Col: 1}, "the file grew beyond the size limit while it was read")
	}
	return n, err
}
