using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using Srdi.Application;
using Srdi.Application.Contracts;
using Srdi.Application.Evaluation;
using Srdi.Application.Policies;
using Srdi.Model.Policies;

namespace Srdi.Cli.Commands;

/// <summary>srdi policies list | show | search.</summary>
internal static class PoliciesCommand
{
    public static Command Build(CommandContext context, Option<string?> catalogOption)
    {
        var command = new Command("policies", "浏览政策目录：列出、查看、搜索措施");

        var cityOption = new Option<string?>("--city") { Description = "按城市或区筛选，如 深圳、南山区、厦门" };
        var statusOption = new Option<string?>("--status") { Description = "in-force（现行有效）或 draft（征求意见稿）" };
        var list = new Command("list", "列出措施");
        list.Options.Add(cityOption);
        list.Options.Add(statusOption);
        list.SetAction(parse =>
        {
            var library = context.Service<PolicyLibrary>(parse.GetValue(catalogOption));
            DocumentStatus? status = null;
            if (parse.GetValue(statusOption) is { } statusText)
                status = library.TryStatus(statusText, out var s) ? s : throw new UsageException($"--status 应为 in-force（现行有效）或 draft（征求意见稿），实际为“{TerminalText.Clean(statusText)}”");
            PrintRows(context.Output, library.List(new PolicyFilter(City: parse.GetValue(cityOption), Status: status)).ToList());
            return SrdiCommandLine.Ok;
        });
        command.Subcommands.Add(list);

        var idArgument = new Argument<string>("id") { Description = "措施 id，如 sz-nanshan-2024.20" };
        var show = new Command("show", "查看一项措施：原文、规则与测试");
        show.Arguments.Add(idArgument);
        show.SetAction(parse =>
        {
            var catalog = parse.GetValue(catalogOption);
            var navigator = context.Open(catalog);
            var id = parse.GetValue(idArgument)!;
            var measure = navigator.FindMeasure(id)
                ?? throw new UsageException($"没有措施“{TerminalText.Clean(id)}”；用 srdi policies list 或 srdi policies search 查找");
            Show(context.Output, navigator, measure, context.Service<PolicyLibrary>(catalog).Show(id)!);
            return SrdiCommandLine.Ok;
        });
        command.Subcommands.Add(show);

        var textArgument = new Argument<string>("text") { Description = "要搜索的文字，如 租金、小巨人、贴息" };
        var search = new Command("search", "按文字搜索措施（标题、原文、责任单位、解读）");
        search.Arguments.Add(textArgument);
        search.SetAction(parse =>
        {
            var text = parse.GetValue(textArgument)!;
            var rows = context.Service<PolicyLibrary>(parse.GetValue(catalogOption)).Search(text).ToList();
            if (rows.Count == 0) context.Output.WriteLine($"没有找到包含“{TerminalText.Clean(text)}”的措施。");
            else PrintRows(context.Output, rows);
            return SrdiCommandLine.Ok;
        });
        command.Subcommands.Add(search);
        return command;
    }

    private static void PrintRows(TextWriter o, IEnumerable<(PolicyDocument Document, Measure Measure)> rows)
    {
        var table = new Table().AddColumns("措施 id", "文件", "条款", "标题", "资金", "状态");
        var count = 0;
        foreach (var (d, m) in rows)
        {
            count++;
            var money = !m.HasMoney ? "非资金" : m.Benefit.Parts.All(p => p.External is not null) ? "按其他文件" : "有";
            table.AddRow(Markup.Escape(m.Id), Markup.Escape(ShortTitle(d)), Markup.Escape(m.Clause), Markup.Escape(m.Title), money, d.IsDraft ? "征求意见稿" : "现行有效");
        }
        Screen.Render(o, table);
        o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"共 {count} 项措施。"));
    }

    private static string ShortTitle(PolicyDocument d) => d.Title.Length <= 18 ? d.Title : d.Title[..18] + "…";

    private static void Show(TextWriter o, PolicyNavigator navigator, Measure m, MeasureDetail detail)
    {
        var wording = navigator.Wording;
        var d = navigator.DocumentOf(m);
        o.WriteLine($"{m.Id}  {m.Title}");
        o.WriteLine($"文件：{d.Title}{(d.Number is null ? "" : $"（{d.Number}）")}，{d.Issuer}，{wording.DocumentStatus(d.Status)}，有效期 {d.Validity}");
        o.WriteLine($"章节：{m.Section}    条款：{m.Clause}");
        o.WriteLine($"责任单位：{(m.Departments.Count == 0 ? "未载明" : string.Join("、", m.Departments))}");
        o.WriteLine($"类别：{wording.Category(m.Category)}    受益方：{wording.Beneficiary(m.Beneficiary)}    申请方式：{wording.Application(m.Application)}");
        o.WriteLine();
        o.WriteLine("原文：");
        o.WriteLine("  " + m.Text);
        o.WriteLine();
        o.WriteLine("规则：");
        o.WriteLine($"  适用地区：{d.Area}");
        o.WriteLine($"  适用对象：{(m.Targets.Count == 0 ? "辖区内企业（不限梯度）" : string.Join(" 或 ", m.Targets.Select(t => d.Terms.TryGetValue(t, out var r) ? $"{t}（{string.Join("、", r)}）" : t)))}");
        foreach (var c in m.Conditions) o.WriteLine($"  条件：{c.Label ?? c.Rule.Text}    [{c.Rule.Text}]");
        foreach (var k in m.Benefit.InKind) o.WriteLine($"  非资金支持：{k}");
        foreach (var p in m.Benefit.Parts)
        {
            var body = p.External is { } e ? $"按{e.Document}确定{(e.Note is null ? "" : $"（{e.Note}）")}"
                : p.Schedule is { } s ? string.Join("；", s.Select(x => string.Create(CultureInfo.InvariantCulture, $"{x.Years} 年 × [{x.Amount.Text}]{(x.Cap is null ? "" : $" 每年上限 [{x.Cap.Text}]")}")))
                : $"[{p.Amount!.Text}]";
            o.WriteLine($"  资金·{p.Label}{(p.UpTo ? "（最高）" : "")}：{body}{(p.Cap is null ? "" : $"，上限 [{p.Cap.Text}]{(p.CapLabel is null ? "" : $"（{p.CapLabel}）")}")}{(p.When is null ? "" : $"，适用于 [{p.When.Text}]")}{(p.Payer is null ? "" : $"，{p.Payer}")}");
        }
        if (m.ExclusionGroup is not null) o.WriteLine($"  从高不重复组：{m.ExclusionGroup}");
        if (m.Interpretation is not null) o.WriteLine($"  解读：{m.Interpretation}");
        o.WriteLine($"  定义于：{m.Location}");
        o.WriteLine();
        o.WriteLine($"测试（{detail.Tests.Count} 个用例）：");
        foreach (var t in detail.Tests) o.WriteLine($"  · {ChineseText.Date(t.At)} {t.Name}");
    }
}
