import { z } from 'zod';
import { BodySchema } from './body.js';
import { LayoutSchema } from './layout.js';

/** The schema version this build writes; older files are migrated on load. */
export const CURRENT_SCHEMA_VERSION = 1;

const id = z.string().regex(/^[A-Za-z0-9_-]{6,40}$/);
const line = (max: number) => z.string().max(max);

/** Editorial status of an article. */
export const ArticleStatusSchema = z.enum(['draft', 'edited', 'final']);
export type ArticleStatus = z.infer<typeof ArticleStatusSchema>;

/** `story` is a normal article; `photo` is photo news (图片新闻): photos and a long caption. */
export const ArticleKindSchema = z.enum(['story', 'photo']);
export type ArticleKind = z.infer<typeof ArticleKindSchema>;

/**
 * An article (稿件): kicker (引题), headline (主题; a `\n` splits it in two lines),
 * deck (副题), byline (作者、通讯员、来源), body (正文).
 */
export const ArticleSchema = z.object({
  id,
  kind: ArticleKindSchema.default('story'),
  kicker: line(200).default(''),
  headline: line(300),
  deck: line(300).default(''),
  byline: line(300).default(''),
  body: BodySchema,
  status: ArticleStatusSchema.default('draft'),
});
export type Article = z.infer<typeof ArticleSchema>;

/** A section (栏目) such as 渝工铸魂; its title prints as a banner. */
export const SectionSchema = z.object({
  id,
  title: line(100),
  articles: z.array(ArticleSchema),
});
export type Section = z.infer<typeof SectionSchema>;

/** The publication (刊物) this issue belongs to. */
export const PublicationSchema = z.object({
  name: line(100).min(1),
  subtitle: line(200).default(''),
  /** 编印单位 / 主办 */
  publisher: line(200).default(''),
  /** 准印证号, printed in the masthead when set. */
  permit: line(100).default(''),
  /** Print the 内部资料 免费交流 line. */
  internal: z.boolean().default(false),
});
export type Publication = z.infer<typeof PublicationSchema>;

/**
 * The issue number: `year` and `no` give 2024年第3期; `serial` gives 总第N期 (null when
 * the publication does not count them).
 */
export const IssueNumberSchema = z.object({
  year: z.number().int().min(1900).max(2999),
  no: z.number().int().min(1).max(999),
  serial: z.number().int().min(1).max(99999).nullable().default(null),
});
export type IssueNumber = z.infer<typeof IssueNumberSchema>;

/** The masthead (报头) beyond the publication's name: an optional title image. */
export const MastheadSchema = z.object({
  /** A calligraphy or logo image in `assets/` that replaces the typeset name. */
  titleAssetId: z.string().regex(/^[0-9a-f]{64}\.(jpg|png|webp|gif)$/).nullable().default(null),
});
export type Masthead = z.infer<typeof MastheadSchema>;

/** One distribution line of the colophon: 报 (to superiors), 送 (to peers), 发 (to subordinates). */
export const DistributionLineSchema = z.object({
  label: z.enum(['报', '送', '发']),
  text: line(1000),
});

/** The colophon (报尾) that closes the last page. */
export const ColophonSchema = z.object({
  distribution: z.array(DistributionLineSchema).max(3).default([]),
  /** 责任编辑 */
  editor: line(100).default(''),
  /** 审核 */
  reviewer: line(100).default(''),
  /** 签发 */
  approver: line(100).default(''),
  /** 共印X份; null leaves the line out. */
  copies: z.number().int().min(1).max(10_000_000).nullable().default(null),
});
export type Colophon = z.infer<typeof ColophonSchema>;

/** A calendar date as YYYY-MM-DD. */
export const IsoDateSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/);

/** One issue (期) of a publication: the whole document stored in `issue.json`. */
export const IssueSchema = z.object({
  schemaVersion: z.literal(CURRENT_SCHEMA_VERSION),
  id,
  /** The editor's own name for this issue in the library; '' shows the issue line. */
  title: line(200).default(''),
  publication: PublicationSchema,
  number: IssueNumberSchema,
  date: IsoDateSchema,
  layout: LayoutSchema,
  masthead: MastheadSchema,
  sections: z.array(SectionSchema),
  colophon: ColophonSchema,
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type Issue = z.infer<typeof IssueSchema>;
