import { useId } from 'react';

interface Props {
  fields: string[];
  rows: string[][];
}

/** A query result as an accessible table: header cells, a caption, horizontal scroll when wide. */
export function ResultTable({ fields, rows }: Props) {
  const id = useId();
  const caption = `Query result: ${rows.length} row${rows.length === 1 ? '' : 's'}, ${fields.length} column${fields.length === 1 ? '' : 's'}`;
  return (
    // Focusable so keyboard users can scroll a wide result sideways.
    <div className="console-grid" role="region" aria-labelledby={id} tabIndex={0}>
      <table>
        <caption id={id} className="visually-hidden">
          {caption}
        </caption>
        <thead>
          <tr>
            {fields.map((f, i) => (
              <th key={i} scope="col">
                {f}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, r) => (
            <tr key={r}>
              {row.map((cell, c) => (
                <td key={c} className={/^-?\d+(\.\d+)?$/.test(cell) ? 'num' : undefined}>
                  {cell}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
