import type { ReactNode } from 'react';
import { BUNDLED_FONTS, SYSTEM_FONTS } from '../../../../shared/export/print/fonts.js';
import { PAGE_SIZES, PAGE_SIZE_PRESETS, type PageSizePreset } from '../../../../shared/layout/pageSizes.js';
import type { TemplateId } from '../../../../shared/layout/templates.js';
import { FONT_ROLES, type FontRole, type Layout, type PageNumberStyle } from '../../../../shared/model/layout.js';
import { CHINESE_FONT_SIZES } from '../../../../shared/typography/fontSizes.js';
import { useI18n } from '../../../i18n/I18n.js';

/** A template the editor can apply: built in or saved in the workspace. */
export interface TemplateChoice {
  id: string;
  name: string;
  builtIn: boolean;
  layout: Layout;
}

interface LayoutInspectorProps {
  layout: Layout;
  templates: TemplateChoice[];
  onChange(layout: Layout, field: string): void;
  onSaveTemplate(): void;
}

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <label className="insp-row">
      <span className="insp-label">{label}</span>
      <span className="insp-control">{children}</span>
    </label>
  );
}

/**
 * A number field that passes on only values the layout accepts (in range, whole when
 * `integer`); with `onClear`, emptying it clears the setting. Other input is left in the
 * field for the editor to finish, never saved.
 */
function NumberInput(props: {
  name: string;
  value: number | null;
  min: number;
  max: number;
  step?: number;
  integer?: boolean;
  onChange(n: number): void;
  onClear?(): void;
}) {
  return (
    <input
      type="number"
      name={props.name}
      value={props.value ?? ''}
      min={props.min}
      max={props.max}
      step={props.step ?? 1}
      placeholder={props.onClear ? '—' : undefined}
      onChange={(e) => {
        const n = Number(e.target.value);
        if (e.target.value === '') props.onClear?.();
        else if (Number.isFinite(n) && n >= props.min && n <= props.max && (!props.integer || Number.isInteger(n))) props.onChange(n);
      }}
    />
  );
}

/** 版式: page, margins, columns, fonts and sizes by role (字号 names first), leading, colour, header, page numbers. */
export function LayoutInspector({ layout, templates, onChange, onSaveTemplate }: LayoutInspectorProps) {
  const { t } = useI18n();
  const set = (patch: Partial<Layout>, field: string) => onChange({ ...layout, ...patch }, field);
  const setFont = (role: FontRole, patch: Partial<Layout['fonts'][FontRole]>) =>
    set({ fonts: { ...layout.fonts, [role]: { ...layout.fonts[role], ...patch } } }, `font:${role}`);
  const setPreset = (preset: PageSizePreset) =>
    set({ page: preset === 'custom' ? { ...layout.page, preset } : { preset, ...PAGE_SIZES[preset] } }, 'page');

  return (
    <div className="inspector-body">
      <section className="insp-group">
        <h3>{t('layout.template')}</h3>
        <Row label={t('layout.applyTemplate')}>
          <select
            name="template"
            value={templates.some((tpl) => tpl.id === layout.template) ? layout.template : ''}
            onChange={(e) => {
              const chosen = templates.find((tpl) => tpl.id === e.target.value);
              if (chosen) onChange({ ...chosen.layout, template: chosen.id }, 'template');
            }}
          >
            {!templates.some((tpl) => tpl.id === layout.template) && <option value="">{layout.template}</option>}
            {templates.map((tpl) => (
              <option key={tpl.id} value={tpl.id}>
                {tpl.builtIn ? t(`newIssue.template.${tpl.id as TemplateId}`) : tpl.name}
              </option>
            ))}
          </select>
        </Row>
        <button type="button" className="btn btn-small" onClick={onSaveTemplate}>
          {t('layout.saveTemplate')}
        </button>
      </section>

      <section className="insp-group">
        <h3>{t('layout.page')}</h3>
        <Row label={t('layout.pageSize')}>
          <select name="pagePreset" value={layout.page.preset} onChange={(e) => setPreset(e.target.value as PageSizePreset)}>
            {PAGE_SIZE_PRESETS.map((p) => (
              <option key={p} value={p}>
                {t(`layout.size.${p}`)}
              </option>
            ))}
          </select>
        </Row>
        {layout.page.preset === 'custom' && (
          <Row label={t('layout.customSize')}>
            <NumberInput name="pageWidth" value={layout.page.widthMm} min={50} max={2000} onChange={(widthMm) => set({ page: { ...layout.page, widthMm } }, 'page')} />
            ×
            <NumberInput name="pageHeight" value={layout.page.heightMm} min={50} max={2000} onChange={(heightMm) => set({ page: { ...layout.page, heightMm } }, 'page')} />
          </Row>
        )}
        <div className="insp-grid">
          {(['topMm', 'bottomMm', 'leftMm', 'rightMm'] as const).map((side) => (
            <Row key={side} label={t(`layout.margin.${side}`)}>
              <NumberInput
                name={`margin-${side}`}
                value={layout.margins[side]}
                min={0}
                max={100}
                onChange={(v) => set({ margins: { ...layout.margins, [side]: v } }, `margin:${side}`)}
              />
            </Row>
          ))}
        </div>
        <div className="insp-grid">
          <Row label={t('layout.columns')}>
            <select name="columns" value={layout.columns} onChange={(e) => set({ columns: Number(e.target.value) }, 'columns')}>
              {[1, 2, 3].map((n) => (
                <option key={n} value={n}>
                  {n}
                </option>
              ))}
            </select>
          </Row>
          <Row label={t('layout.gutter')}>
            <NumberInput name="gutter" value={layout.gutterMm} min={0} max={30} onChange={(gutterMm) => set({ gutterMm }, 'gutter')} />
          </Row>
        </div>
      </section>

      <section className="insp-group">
        <h3>{t('layout.fonts')}</h3>
        {FONT_ROLES.map((role) => {
          const f = layout.fonts[role];
          const named = CHINESE_FONT_SIZES.some((s) => s.pt === f.sizePt);
          return (
            <div key={role} className="insp-font" data-role={role}>
              <span className="insp-label">{t(`layout.role.${role}`)}</span>
              <select name={`font-${role}`} value={f.family} onChange={(e) => setFont(role, { family: e.target.value })}>
                <optgroup label={t('layout.bundledFonts')}>
                  {Object.entries(BUNDLED_FONTS).map(([id, font]) => (
                    <option key={id} value={id}>
                      {font.label}
                    </option>
                  ))}
                </optgroup>
                <optgroup label={t('layout.systemFonts')}>
                  {SYSTEM_FONTS.map((name) => (
                    <option key={name} value={name}>
                      {name}
                    </option>
                  ))}
                </optgroup>
              </select>
              <select name={`size-${role}`} value={f.sizePt} onChange={(e) => setFont(role, { sizePt: Number(e.target.value) })}>
                {CHINESE_FONT_SIZES.map((s) => (
                  <option key={s.name} value={s.pt}>
                    {s.name}（{s.pt}）
                  </option>
                ))}
                {!named && <option value={f.sizePt}>{f.sizePt} pt</option>}
              </select>
              <label className="insp-check" title={t('layout.bold')}>
                <input type="checkbox" name={`bold-${role}`} checked={f.bold} onChange={(e) => setFont(role, { bold: e.target.checked })} />
                <b>B</b>
              </label>
            </div>
          );
        })}
        <div className="insp-grid">
          <Row label={t('layout.leading')}>
            <NumberInput name="leading" value={layout.leading} min={0.8} max={4} step={0.05} onChange={(leading) => set({ leading }, 'leading')} />
          </Row>
          <Row label={t('layout.charsPerLine')}>
            <NumberInput
              name="charsPerLine"
              value={layout.charsPerLine}
              min={5}
              max={80}
              integer
              onChange={(charsPerLine) => set({ charsPerLine }, 'charsPerLine')}
              onClear={() => set({ charsPerLine: null }, 'charsPerLine')}
            />
          </Row>
          <Row label={t('layout.accent')}>
            <input type="color" name="accent" value={layout.accentColor} onChange={(e) => set({ accentColor: e.target.value }, 'accent')} />
          </Row>
        </div>
      </section>

      <section className="insp-group">
        <h3>{t('layout.headerFooter')}</h3>
        <Row label={t('layout.header')}>
          <input type="checkbox" name="headerShow" checked={layout.header.show} onChange={(e) => set({ header: { ...layout.header, show: e.target.checked } }, 'header')} />
          <input
            name="headerText"
            value={layout.header.text}
            placeholder={t('layout.headerPlaceholder')}
            onChange={(e) => set({ header: { ...layout.header, text: e.target.value } }, 'headerText')}
          />
        </Row>
        <div className="insp-grid">
          <Row label={t('layout.pageNumbers')}>
            <select
              name="pageNumberStyle"
              value={layout.pageNumbers.style}
              onChange={(e) => set({ pageNumbers: { ...layout.pageNumbers, style: e.target.value as PageNumberStyle } }, 'pageNumbers')}
            >
              <option value="dash">— 1 —</option>
              <option value="chinese">第1页</option>
              <option value="plain">1</option>
              <option value="none">{t('layout.noPageNumbers')}</option>
            </select>
          </Row>
          <Row label={t('layout.firstPage')}>
            <NumberInput
              name="firstPage"
              value={layout.pageNumbers.first}
              min={1}
              max={9999}
              onChange={(first) => set({ pageNumbers: { ...layout.pageNumbers, first } }, 'firstPage')}
            />
          </Row>
        </div>
        <Row label={t('layout.targetPages')}>
          <NumberInput
            name="targetPages"
            value={layout.targetPages}
            min={1}
            max={999}
            integer
            onChange={(targetPages) => set({ targetPages }, 'targetPages')}
            onClear={() => set({ targetPages: null }, 'targetPages')}
          />
        </Row>
      </section>
    </div>
  );
}
