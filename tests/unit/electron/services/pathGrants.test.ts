import { describe, expect, it } from 'vitest';
import { AppError } from '../../../../shared/api/errors.js';
import { MAX_GRANTS, PathGrants, grantDroppedPaths, samePath } from '../../../../electron/services/pathGrants.js';

describe('PathGrants', () => {
  it('knows a granted path in any spelling that normalises to it, and only for its kind', () => {
    const grants = new PathGrants();
    grants.grant('file', ['/home/editor/来稿/春风行动.docx']);
    grants.grant('folder', ['/home/editor/Masthead/']);
    expect(grants.has('file', '/home/editor/来稿/春风行动.docx')).toBe(true);
    expect(grants.has('file', '/home/editor/其他/../来稿/./春风行动.docx')).toBe(true);
    expect(grants.has('folder', '/home/editor/Masthead')).toBe(true);
    expect(grants.has('folder', '/home/editor/来稿/春风行动.docx')).toBe(false);
    expect(grants.has('file', '/home/editor/Masthead')).toBe(false);
    // Nothing under a granted folder, nor beside a granted file.
    expect(grants.has('file', '/home/editor/Masthead/library.json')).toBe(false);
    expect(grants.has('file', '/home/editor/来稿/书屋.docx')).toBe(false);
  });

  it('never grants or matches a relative path', () => {
    const grants = new PathGrants();
    grants.grant('file', ['notes.txt', '']);
    expect(grants.has('file', 'notes.txt')).toBe(false);
    expect(grants.has('file', `${process.cwd()}/notes.txt`)).toBe(false);
  });

  it('refuses what was not granted with path.notGranted, naming the path as asked', () => {
    const grants = new PathGrants();
    let thrown: unknown;
    try {
      grants.require('file', '/etc/passwd');
    } catch (err) {
      thrown = err;
    }
    expect(thrown).toBeInstanceOf(AppError);
    expect((thrown as AppError).toData()).toEqual({ code: 'path.notGranted', params: { path: '/etc/passwd' } });
  });

  it(`forgets the oldest grant past ${MAX_GRANTS}; granting again makes a path the newest`, () => {
    const grants = new PathGrants();
    grants.grant('file', ['/first.txt', '/second.txt']);
    grants.grant(
      'file',
      Array.from({ length: MAX_GRANTS - 2 }, (_, i) => `/f${i}.txt`),
    );
    grants.grant('file', ['/first.txt']);
    grants.grant('file', ['/one-more.txt']);
    expect(grants.has('file', '/first.txt')).toBe(true);
    expect(grants.has('file', '/second.txt')).toBe(false);
    expect(grants.has('file', '/one-more.txt')).toBe(true);
  });
});

describe('grantDroppedPaths', () => {
  it('grants and answers the dropped files the app imports, in order, leaving out the rest', () => {
    const grants = new PathGrants();
    const answered = grantDroppedPaths(grants, [
      '/home/editor/来稿/春风行动.docx',
      '', // a File made by the page, not from the disk
      '/home/editor/照片.JPG',
      '/home/editor/.ssh/id_rsa',
      'relative.docx',
      '/home/editor/初稿.md',
    ]);
    expect(answered).toEqual(['/home/editor/来稿/春风行动.docx', '/home/editor/照片.JPG', '/home/editor/初稿.md']);
    expect(grants.has('file', '/home/editor/照片.JPG')).toBe(true);
    expect(grants.has('file', '/home/editor/.ssh/id_rsa')).toBe(false);
  });

  it.each([
    ['not a list', '/home/editor/a.docx'],
    ['a list with a non-string', ['/home/editor/a.docx', 3]],
    ['too many files', Array.from({ length: 501 }, (_, i) => `/home/editor/${i}.docx`)],
  ])('grants nothing for %s', (_what, raw) => {
    const grants = new PathGrants();
    expect(grantDroppedPaths(grants, raw)).toEqual([]);
    expect(grants.has('file', '/home/editor/a.docx')).toBe(false);
  });
});

describe('samePath', () => {
  it('compares absolute paths once normalised; a relative one is never the same', () => {
    expect(samePath('/a/b/../c/', '/a/c')).toBe(true);
    expect(samePath('/a/c', '/a/d')).toBe(false);
    expect(samePath('a/c', 'a/c')).toBe(false);
  });
});
