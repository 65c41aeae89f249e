/**
 * Results as spreadsheets: a command's JSON result laid out as tables (its scalars on a first
 * sheet, each list on a sheet of its own) and written as an Excel workbook with Apache POI, for
 * the directors who hand the numbers to finance. The format is in docs/spreadsheets.md.
 *
 * <p>Layer: uses no other funnelcast package (it knows results only as JSON trees); {@code cli}
 * uses it. The layers and the flow between them are told once, in docs/model.md;
 * {@code LayeringTest} keeps them.
 */
package funnelcast.sheet;
