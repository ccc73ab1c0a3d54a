package org.hellointernet.conformance.matrix;

import static org.hellointernet.conformance.matrix.HtmlText.esc;

import java.io.PrintWriter;
import java.io.Writer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.hellointernet.conformance.report.ResultWriter;
import org.hellointernet.spec.Role;

/**
 * The matrix as one self-contained HTML page: inline CSS and JavaScript, nothing fetched from a network. Each cell
 * is coloured by its verdict and links to its pair's transcript further down; with JavaScript, a click shows the
 * transcript in a panel next to the table instead. A failing pair's transcript links to the rule verdicts that
 * explain it, in the "Rule verdicts" section ({@link MatrixHtmlChecks}); the links work in the panel too.
 */
public final class MatrixHtml implements ResultWriter<MatrixResult> {

    private static final String CSS = """
            body{font-family:system-ui,sans-serif;margin:1.5em;color:#222}
            table{border-collapse:collapse}th,td{border:1px solid #bbb;padding:.3em .6em;text-align:center}
            th.row{text-align:left}td a{display:block;color:inherit;text-decoration:none;font-weight:600}
            .works{background:#b7e4b0}.hangs{background:#ffd27f}.wrong-reply{background:#f7e07a}
            .crashed{background:#f4a6a6}.did-not-start{background:#d6d6d6}.did-not-build{background:#b9b9b9}
            td.sel{outline:3px solid #1a5fb4}#panel{margin-top:1em;padding:.8em;border:1px solid #888;
            background:#fafafa}pre{white-space:pre-wrap;font-size:90%}.legend span{padding:.1em .5em;margin-right:.4em}
            .FAIL{background:#f4a6a6;padding:0 .3em}.WARN{background:#ffd27f;padding:0 .3em}
            .explained-by{background:#eef3fb;padding:.3em .5em}.unexplained{background:#fdeaea;padding:.3em .5em}
            .rule{border-left:4px solid #bbb;margin:.6em 0;padding:.1em .8em}:target{outline:3px solid #1a5fb4}
            dt{font-weight:600}dd{margin:0 0 .3em 1.5em}
            #controls{margin:.6em 0;display:flex;gap:1em;flex-wrap:wrap;align-items:center}
            #grid{overflow:auto;max-height:75vh;max-width:100%}#grid th{background:#fff;position:sticky;top:0}
            #grid th.row{left:0;z-index:1}#grid tr:first-child th:first-child{left:0;z-index:2}
            td.faded{opacity:.15}.hidden{display:none}#folderview td,#folderview th{padding:.2em .5em}
            """;
    private static final String JS = """
            function show(td){
              document.querySelectorAll('td.sel').forEach(function(x){x.classList.remove('sel');});
              td.classList.add('sel');
              var src=document.getElementById(td.getAttribute('data-pair'));
              document.getElementById('panel').innerHTML=src.innerHTML;
            }
            document.addEventListener('click',function(e){
              var td=e.target.closest('td[data-pair]');
              if(td){e.preventDefault();show(td);}
            });
            var grid=document.querySelector('#grid table');
            var rows=Array.prototype.slice.call(grid.querySelectorAll('tr[data-client]'));
            var heads=Array.prototype.slice.call(grid.querySelectorAll('th[data-server]'));
            var cells={};
            grid.querySelectorAll('td[data-pair]').forEach(function(td){
              cells[td.getAttribute('data-c')+'\\u0000'+td.getAttribute('data-s')]=td;
            });
            function cell(c,s){return cells[c+'\\u0000'+s];}
            function apply(){
              var q=document.getElementById('q').value.trim().toLowerCase();
              var want=document.getElementById('show').value;
              var folder=document.getElementById('folder').value;
              var view=document.getElementById('folderview');
              grid.parentNode.classList.toggle('hidden',folder!=='');
              view.classList.toggle('hidden',folder==='');
              if(folder!==''){folderView(folder,want);return;}
              var colShown=heads.map(function(h){return h.getAttribute('data-server').toLowerCase().indexOf(q)>=0;});
              var colHit=heads.map(function(){return false;});
              var nRows=0;
              rows.forEach(function(tr){
                var rowHit=false;
                var nameOk=tr.getAttribute('data-client').toLowerCase().indexOf(q)>=0;
                tr.querySelectorAll('td[data-pair]').forEach(function(td,i){
                  var hit=match(td,want);
                  td.classList.toggle('faded',!hit);
                  if(hit&&nameOk&&colShown[i]){rowHit=true;colHit[i]=true;}
                });
                var on=nameOk&&(want===''||rowHit);
                tr.classList.toggle('hidden',!on);
                if(on){nRows++;}
              });
              var nCols=0;
              heads.forEach(function(h,i){
                var on=colShown[i]&&(want===''||colHit[i]);
                if(on){nCols++;}
                h.classList.toggle('hidden',!on);
                rows.forEach(function(tr){tr.children[i+1].classList.toggle('hidden',!on);});
              });
              document.getElementById('shown').textContent='showing '+nRows+' clients \u00d7 '+nCols+' servers';
            }
            function match(td,want){
              if(want===''){return true;}
              if(want==='failing'){return !td.classList.contains('works');}
              return td.classList.contains(want);
            }
            function folderView(f,want){
              var body=document.querySelector('#folderview tbody');
              body.innerHTML='';
              var names={};
              rows.forEach(function(tr){names[tr.getAttribute('data-client')]=1;});
              heads.forEach(function(h){names[h.getAttribute('data-server')]=1;});
              var n=0;
              Object.keys(names).sort().forEach(function(o){
                var a=cell(f,o),b=cell(o,f);
                if(!a&&!b){return;}
                if(want!==''&&!(a&&match(a,want))&&!(b&&match(b,want))){return;}
                var tr=document.createElement('tr');
                var th=document.createElement('th');th.className='row';th.textContent=o;tr.appendChild(th);
                [a,b].forEach(function(x){
                  var td=x?x.cloneNode(true):document.createElement('td');
                  td.classList.remove('faded','hidden','sel');
                  tr.appendChild(td);
                });
                body.appendChild(tr);n++;
              });
              document.querySelector('#folderview caption').textContent=f+': its client against each server,'
                +' and each client against its server';
              document.getElementById('shown').textContent='showing '+n+' folders paired with '+f;
            }
            ['q','show','folder'].forEach(function(id){
              document.getElementById(id).addEventListener('input',apply);
            });
            apply();
            """;

    @Override
    public void write(MatrixResult m, Writer w) {
        PrintWriter out = new PrintWriter(w);
        out.print("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n<title>Interop matrix</title>\n");
        out.print("<style>\n" + CSS + "</style></head><body>\n<h1>Interop matrix</h1>\n");
        out.print(
                "<p>Rows are clients, columns are servers. Click a cell for its transcript.</p>\n<p class=\"legend\">");
        for (PairVerdict v : PairVerdict.values()) {
            out.print("<span class=\"" + v.id() + "\" title=\"" + esc(v.meaning()) + "\">" + esc(v.word()) + "</span>");
        }
        out.print("</p>\n<p>"
                + (m.checksRun()
                        ? "Failing pairs link to the <a href=\"#rule-verdicts\">rule verdicts</a> that explain them."
                        : "The conformance checks were not run (<code>--no-checks</code>): the failing pairs are not"
                                + " explained by rules.")
                + "</p>\n");
        controls(m, out);
        out.print("<div id=\"grid\"><table>\n<tr><th>client \\ server</th>");
        m.servers().forEach(s -> out.print("<th data-server=\"" + esc(s) + "\">" + esc(s) + "</th>"));
        out.print("</tr>\n");
        List<PairResult> pairs = m.pairs();
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < pairs.size(); i++) {
            index.put(pairs.get(i).client() + "\0" + pairs.get(i).server(), i);
        }
        for (String c : m.clients()) {
            out.print("<tr data-client=\"" + esc(c) + "\"><th class=\"row\">" + esc(c) + "</th>");
            for (String s : m.servers()) {
                Integer i = index.get(c + "\0" + s);
                if (i == null) { // a pair not run (--focus)
                    out.print("<td></td>");
                    continue;
                }
                PairResult p = pairs.get(i);
                String id = "pair-" + i;
                out.print("<td class=\"" + p.verdict().id() + "\" data-pair=\"" + id + "\" data-c=\"" + esc(c)
                        + "\" data-s=\"" + esc(s) + "\" title=\""
                        + esc(p.verdict().word() + ": " + p.reason())
                        + "\"><a href=\"#" + id + "\">" + esc(p.verdict().mark()) + "</a></td>");
            }
            out.print("</tr>\n");
        }
        out.print("</table></div>\n<table id=\"folderview\" class=\"hidden\"><caption></caption><thead><tr>"
                + "<th>other folder</th><th>its client &rarr; their server</th><th>their client &rarr; its server"
                + "</th></tr></thead><tbody></tbody></table>\n");
        out.print("<div id=\"panel\">Click a cell.</div>\n<h2>Transcripts</h2>\n");
        for (int i = 0; i < pairs.size(); i++) {
            PairResult p = pairs.get(i);
            out.print("<section id=\"pair-" + i + "\"><h3>client " + esc(p.client()) + " &times; server "
                    + esc(p.server()) + ": <span class=\"" + p.verdict().id() + "\">"
                    + esc(p.verdict().word())
                    + "</span></h3>\n<p>" + esc(p.reason()) + "</p>\n" + explanation(p) + "<pre>"
                    + esc(p.transcript()) + "</pre></section>\n");
        }
        MatrixHtmlChecks.write(m, out);
        out.print("<script>\n" + JS + "</script>\n</body></html>\n");
        out.flush();
    }

    /** The search box, the verdict filter and the per-folder view's chooser (they work with JavaScript). */
    private static void controls(MatrixResult m, PrintWriter out) {
        out.print("<div id=\"controls\"><label>Search folders <input id=\"q\" type=\"search\""
                + " placeholder=\"name\"></label> <label>Show <select id=\"show\"><option value=\"\">every pair"
                + "</option><option value=\"failing\">failing pairs</option>");
        for (PairVerdict v : PairVerdict.values()) {
            out.print("<option value=\"" + v.id() + "\">" + esc(v.word()) + "</option>");
        }
        out.print("</select></label> <label>One folder <select id=\"folder\"><option value=\"\">whole matrix"
                + "</option>");
        new TreeSet<>(Stream.concat(m.clients().stream(), m.servers().stream()).toList())
                .forEach(f -> out.print("<option value=\"" + esc(f) + "\">" + esc(f) + "</option>"));
        out.print("</select></label> <span id=\"shown\"></span></div>\n");
    }

    /** The pair's "Explained by:" paragraph with links to the rule verdicts, or nothing. */
    private static String explanation(PairResult p) {
        Explanation e = p.explanation();
        if (e == null) {
            return "";
        }
        StringBuilder b = new StringBuilder();
        switch (e.basis()) {
            case MATCHING, OTHER_FAILURES -> {
                b.append("<p class=\"explained-by\">")
                        .append(
                                e.basis() == Explanation.Basis.MATCHING
                                        ? "Explained by: "
                                        : "Explained by (" + esc(e.basis().lead()) + "): ");
                String sep = "";
                for (ExplanationText.Group g : ExplanationText.groups(e.rules())) {
                    b.append(sep).append(esc(g.program())).append(": ");
                    String comma = "";
                    for (ExplainingRule r : g.rules()) {
                        b.append(comma)
                                .append("<a href=\"#")
                                .append(HtmlText.ruleAnchor(r))
                                .append("\">")
                                .append(esc(r.rule()))
                                .append("</a> <span class=\"")
                                .append(r.status())
                                .append("\">")
                                .append(r.status())
                                .append("</span>");
                        comma = ", ";
                    }
                    sep = "; ";
                }
                b.append("</p>\n");
            }
            case NOT_BUILT -> {
                Role side = ExplanationText.notBuiltSide(p);
                b.append("<p class=\"explained-by\">Explained by: <a href=\"#")
                        .append(HtmlText.programAnchor(side, side == Role.CLIENT ? p.client() : p.server()))
                        .append("\">")
                        .append(esc(ExplanationText.notBuiltProgram(p)))
                        .append(" did not build</a>")
                        .append(": none of its rules was checked.</p>\n");
            }
            case UNEXPLAINED, HARNESS ->
                b.append("<p class=\"unexplained\">")
                        .append(esc(Character.toUpperCase(e.basis().lead().charAt(0))
                                + e.basis().lead().substring(1)))
                        .append(".</p>\n");
        }
        return b.toString();
    }
}
