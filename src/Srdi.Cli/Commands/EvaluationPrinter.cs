using System.Globalization;
using Spectre.Console;
using Srdi.Application.Evaluation;
using Srdi.Engine.Evaluation;
using Srdi.Engine.Formatting;

namespace Srdi.Cli.Commands;

/// <summary>Lays out an <see cref="EvaluationView"/> for a terminal: per document a table of the
/// measures that concern the enterprise, then computations, questions, benefits that reach
/// others, and totals. Every word comes from the view; this only arranges it.</summary>
internal static class EvaluationPrinter
{
    public static void Print(TextWriter o, EvaluationView view)
    {
        var p = view.Enterprise;
        o.WriteLine($"企业：{TerminalText.Clean(p.Name ?? p.Id)}（{TerminalText.Clean(p.Id)}）    评估日期：{ChineseText.Date(view.At)}");
        o.WriteLine($"注册地：{view.AreaText}");
        o.WriteLine("证书：" + (view.Certificates.Count == 0 ? "无" : string.Join("；", view.Certificates)));
        o.WriteLine();

        foreach (var document in view.Documents)
        {
            var d = document.Document;
            o.WriteLine($"■ {d.Title}（{d.Id}；{document.State}；有效期 {d.Validity}）");
            var table = new Table().AddColumns("条款", "措施", "状态", "金额", "申请方式", "说明");
            foreach (var m in document.Measures)
                table.AddRow(Markup.Escape(m.Result.Measure.Clause), Markup.Escape(m.Result.Measure.Title), Markup.Escape(m.Status),
                    Markup.Escape(m.Amount), Markup.Escape(m.Application), Markup.Escape(m.Reason));
            Screen.Render(o, table);
            foreach (var m in document.Measures.Where(m => m.Caveat is not null))
                o.WriteLine($"  注意：第{m.Result.Measure.Clause}条「{m.Result.Measure.Title}」{m.Caveat}");
            foreach (var m in document.Measures.Where(m => m.InKind.Any(k => k.Given != Srdi.Engine.Truth.True)))
                foreach (var k in m.InKind)
                    o.WriteLine($"  {ChineseText.Mark(k.Given)} 第{m.Result.Measure.Clause}条 非资金支持：{k.Text}（{k.OutcomeText}{(k.Seen is { } seen ? "：" + seen : "")}）");
            foreach (var m in document.Measures.Where(m => m.Computations.Count > 0))
            {
                var measure = m.Result.Measure;
                o.WriteLine($"  {measure.Id}「{measure.Title}」");
                foreach (var c in m.Computations)
                    o.WriteLine($"    {c.Part}{(c.Payer is { } payer ? $"（{payer}）" : "")}：{c.Computation}{(c.CapApplied ? $"  ← 触及上限{(c.CapLabel is { } cl ? "：" + cl : "")}" : "")}");
                o.WriteLine($"    依据：{ChineseText.Excerpt(measure.Text)}");
                if (measure.Interpretation is { } note) o.WriteLine($"    解读：{note}");
            }
            o.WriteLine();
        }
        if (view.NotHere.Count > 0)
            o.WriteLine(ChineseText.NotHere(view.NotHere.Select(d => d.Title).ToList()));

        if (view.Questions.Count > 0)
        {
            o.WriteLine();
            o.WriteLine("待补充信息（补充后可判断更多措施）：");
            // People read each question by its label and the measures by their titles; the
            // fact keys are in --json and `srdi facts` for those who write profiles.
            var titles = view.Documents.SelectMany(d => d.Measures).Select(m => m.Result.Measure)
                .ToDictionary(m => m.Id, m => m.Title, StringComparer.Ordinal);
            foreach (var q in view.Questions)
                o.WriteLine($"  · {q.Label}{(q.Unit is null ? "" : $"（{q.Unit}）")}{(q.Yearly ? "，按年度" : "")} — 影响 {string.Join("、", q.Measures.Select(id => titles.GetValueOrDefault(id, id)).Distinct(StringComparer.Ordinal))}");
        }

        if (view.ReachingOthers.Count > 0)
        {
            o.WriteLine();
            o.WriteLine("惠及本企业员工、客户或园区的措施（不计入本企业合计）：");
            foreach (var x in view.ReachingOthers)
                o.WriteLine($"  · {x.Result.Measure.Id}「{x.Result.Measure.Title}」{x.Part.Part.Label}：受益方 {x.Beneficiary}；{x.Amount}");
        }

        o.WriteLine();
        o.WriteLine($"合计（现行有效{(view.IncludeDrafts ? "＋征求意见稿" : "")}，不含按其他文件确定的金额）：");
        PrintTotals(o, view.Counted);
        if (view.ShowDraftsApart)
        {
            o.WriteLine("征求意见稿（尚未生效，未计入上面的合计；加 --include-drafts 计入）：");
            PrintTotals(o, view.Drafts);
        }
    }

    private static void PrintTotals(TextWriter o, Totals t)
    {
        o.WriteLine($"  确定金额：{Amounts.Chinese(t.Exact)}");
        o.WriteLine($"  最高可达（上限，不是承诺）：{Amounts.Chinese(t.UpTo)}");
        o.WriteLine($"  分年度计划合计：{Amounts.Chinese(t.Scheduled)}");
    }
}
