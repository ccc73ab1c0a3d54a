package org.hellointernet.conformance.matrix;

import java.util.ArrayList;
import java.util.List;

/**
 * One cell of the matrix by position: the client's row and the server's column (indexes into the matrix's clients
 * and servers). Cells are numbered row by row, as the pairs of a {@link MatrixResult} are.
 *
 * @param client the client's index (row)
 * @param server the server's index (column)
 */
public record Cell(int client, int server) {

    public Cell {
        if (client < 0 || server < 0) {
            throw new IllegalArgumentException("a cell's indexes are not negative: " + client + ", " + server);
        }
    }

    /** Every cell of a matrix of {@code clients} rows and {@code servers} columns, row by row. */
    public static List<Cell> all(int clients, int servers) {
        List<Cell> out = new ArrayList<>(clients * servers);
        for (int c = 0; c < clients; c++) {
            for (int s = 0; s < servers; s++) {
                out.add(new Cell(c, s));
            }
        }
        return out;
    }

    /** This cell's number, row by row, in a matrix of {@code servers} columns. */
    public int index(int servers) {
        return client * servers + server;
    }
}
