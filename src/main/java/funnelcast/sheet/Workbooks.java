package funnelcast.sheet;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Tables as an Excel workbook (.xlsx, Apache POI): one sheet a table, a bold header row frozen
 * above the rows, numbers as numbers, dates as dates (yyyy-mm-dd), columns as wide as their
 * longest text.
 */
public final class Workbooks {
    /** The widest column, in characters. */
    private static final int MAX_WIDTH = 60;

    private Workbooks() {
    }

    /** The workbook's bytes, to be written whole. */
    public static byte[] xlsx(List<Table> tables) {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle header = book.createCellStyle();
            Font bold = book.createFont();
            bold.setBold(true);
            header.setFont(bold);
            CellStyle date = book.createCellStyle();
            date.setDataFormat(book.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd"));
            for (Table t : tables) {
                Sheet sheet = book.createSheet(t.name());
                int[] width = new int[t.columns().size()];
                Row head = sheet.createRow(0);
                for (int c = 0; c < t.columns().size(); c++) {
                    Cell cell = head.createCell(c);
                    cell.setCellValue(t.columns().get(c));
                    cell.setCellStyle(header);
                    width[c] = t.columns().get(c).length();
                }
                for (int r = 0; r < t.rows().size(); r++) {
                    Row row = sheet.createRow(r + 1);
                    List<Object> values = t.rows().get(r);
                    for (int c = 0; c < values.size(); c++) {
                        Object v = values.get(c);
                        if (v == null) {
                            continue;
                        }
                        Cell cell = row.createCell(c);
                        if (v instanceof Number n) {
                            double d = n.doubleValue();
                            if (Double.isFinite(d)) {
                                cell.setCellValue(d);
                            } else {
                                cell.setCellValue(String.valueOf(d)); // Excel has no NaN or infinity: say it in words
                            }
                        } else if (v instanceof Boolean b) {
                            cell.setCellValue(b);
                        } else if (v instanceof LocalDate day) {
                            cell.setCellValue(day);
                            cell.setCellStyle(date);
                        } else {
                            cell.setCellValue(v.toString());
                        }
                        if (c < width.length) {
                            width[c] = Math.max(width[c], v instanceof LocalDate ? 10 : Math.min(MAX_WIDTH,
                                v instanceof Double ? 12 : v.toString().length()));
                        }
                    }
                }
                for (int c = 0; c < width.length; c++) {
                    sheet.setColumnWidth(c, Math.min(MAX_WIDTH, width[c] + 2) * 256);
                }
                sheet.createFreezePane(0, 1);
            }
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
