using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Spectre.Console;
using Srdi.Application.Batch;
using Srdi.Application.Rosters;
using Srdi.Engine.Formatting;

namespace Srdi.Cli.Commands;

/// <summary>srdi batch ROSTER --at DATE --out DIR: 免申即享 over a roster; srdi batch diff OLD NEW.</summary>
internal static class BatchCommand
{
    /// <summary>The run finished and wrote its outputs, but some rows were rejected (rejected.csv).</summary>
    public const int RowsRejected = 3;

    /// <summary>Stopped by Ctrl-C: the shell's convention for a run ended by SIGINT.</summary>
    public const int Cancelled = 130;

    public static Command Build(CommandContext context, Option<string?> catalogOption)
    {
        var rosterArgument = new Argument<string>("roster") { Description = "名单文件：.csv、.xlsx 或 .jsonl（列说明见 docs/roster.md）" };
        var atOption = new Option<string?>("--at") { Description = "评估日期 YYYY-MM-DD（默认今天）" };
        var outOption = new Option<string>("--out") { Description = "输出文件夹", Required = true };
        var draftsOption = new Option<bool>("--include-drafts") { Description = "汇总中另列含征求意见稿的合计" };
        var quietOption = new Option<bool>("--quiet") { Description = "不显示进度条（供脚本使用）" };
        var noExcelOption = new Option<bool>("--no-excel") { Description = "不生成各措施名单的 Excel 工作簿" };
        var workersOption = new Option<int?>("--workers") { Description = "并行线程数（默认等于处理器核数）" };
        var withOption = new Option<string[]>("--with")
        {
            Description = "另外写出供程序使用的大文件（默认不写；每百万家企业合计约 0.9 GB），逗号分隔：" +
                "entitlements.jsonl（每家企业的支持，程序读取；srdi batch diff 需要）、entitlements.csv（每家企业每项措施一行）、" +
                "nothing.csv（未获资金支持的企业及最接近的措施），或 all 表示全部",
            AllowMultipleArgumentsPerToken = false,
        };
        var command = new Command("batch", "免申即享批量评估：对整份企业名单运行全部措施，输出各措施名单（名单.xlsx）、汇总（summary.md / summary.xlsx）和被拒绝的行；--with 另写出每家企业的明细");
        command.Arguments.Add(rosterArgument);
        foreach (var option in new Option[] { atOption, outOption, draftsOption, quietOption, noExcelOption, workersOption, withOption }) command.Options.Add(option);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var rosterPath = parse.GetValue(rosterArgument)!;
            if (Directory.Exists(rosterPath)) throw new UsageException($"名单应为文件，但“{TerminalText.Clean(rosterPath)}”是一个文件夹");
            if (!File.Exists(rosterPath)) throw new UsageException($"找不到名单文件“{TerminalText.Clean(rosterPath)}”");
            var options = new BatchOptions(EvaluateCommand.ParseDate(parse.GetValue(atOption)), parse.GetValue(draftsOption),
                !parse.GetValue(noExcelOption), parse.GetValue(workersOption), MachineOutputs: ParseWith(parse.GetValue(withOption)));
            var folder = parse.GetValue(outOption)!;
            OutputPaths.CheckFolder("--out", folder);
            var batch = context.Service<BatchService>(parse.GetValue(catalogOption));
            var progress = new LatestProgress();
            BatchReport report;
            try
            {
                using var roster = RosterSource.Open(rosterPath);
                var run = batch.RunAsync(roster, new FolderBatchOutput(folder), options, progress, cancellationToken);
                if (!parse.GetValue(quietOption)) await ShowProgressAsync(run, progress);
                report = await run;
            }
            catch (RosterFormatException e)
            {
                throw new UsageException($"名单无法读取：{e.Message}");
            }
            catch (BatchOutputException e)
            {
                throw new UsageException(e.Message);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                context.Error.WriteLine("已取消，未写出任何结果");
                return Cancelled;
            }
            var s = report.Statistics;
            var o = context.Output;
            foreach (var notice in report.Notices) o.WriteLine($"注意：{notice}");
            o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"评估 {s.Evaluated:N0} 家企业，拒绝 {s.Rejected:N0} 行，跳过空行 {report.EmptyRows:N0} 行，用时 {report.Elapsed.TotalSeconds:0.0} 秒（{(s.Evaluated + s.Rejected) / Math.Max(0.001, report.Elapsed.TotalSeconds):N0} 行/秒）"));
            o.WriteLine($"现行有效合计：确定 {Amounts.Chinese(s.InForce.Exact)}，最高 {Amounts.Chinese(s.InForce.UpTo)}，分年度 {Amounts.Chinese(s.InForce.Scheduled)}；征求意见稿另计：确定 {Amounts.Chinese(s.Drafts.Exact)}，最高 {Amounts.Chinese(s.Drafts.UpTo)}");
            foreach (var b in report.Budgets.Where(b => b.Demand is not null))
                o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"预算 {b.Label}：{Amounts.Chinese(b.Budget ?? 0)}，名单需求 {Amounts.Chinese(b.Demand!.Value)}{(b.ProRata < 1 ? $"，超出预算，按比例兑现系数 {b.ProRata:0.####}" : "，未超出")}"));
            o.WriteLine($"输出：{Path.GetFullPath(folder)}（{string.Join("、", report.Files)}）");
            if (s.Rejected > 0) o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"有 {s.Rejected:N0} 行被拒绝，原因见 {FolderBatchOutput.RejectedCsv}"));
            return s.Rejected > 0 ? RowsRejected : SrdiCommandLine.Ok;
        });
        command.Subcommands.Add(DiffCommand.Build(context, catalogOption));
        return command;
    }

    /// <summary>--with entitlements.jsonl,nothing.csv (or all; the option may also be repeated).</summary>
    internal static MachineOutputs ParseWith(IEnumerable<string>? values)
    {
        var outputs = MachineOutputs.None;
        foreach (var value in values ?? [])
            foreach (var part in value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                if (part.Equals("all", StringComparison.OrdinalIgnoreCase))
                {
                    outputs |= MachineOutputs.All;
                    continue;
                }
                var known = FolderBatchOutput.MachineFiles.FirstOrDefault(m => m.File.Equals(part, StringComparison.OrdinalIgnoreCase));
                if (known.File is null)
                    throw new UsageException($"--with 不认识“{TerminalText.Clean(part)}”：可用 {string.Join("、", FolderBatchOutput.MachineFiles.Select(m => m.File))} 或 all（逗号分隔）");
                outputs |= known.Output;
            }
        return outputs;
    }

    /// <summary>Keeps only the newest snapshot: the bar redraws on its own clock, not on every chunk.</summary>
    private sealed class LatestProgress : IProgress<BatchProgress>
    {
        private volatile BatchProgress _latest = new(BatchProgress.Evaluating, 0, 0, 0);

        public BatchProgress Latest => _latest;

        public void Report(BatchProgress value) => _latest = value;
    }

    private static async Task ShowProgressAsync(Task run, LatestProgress progress)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(System.Console.Error) });
        var clock = Stopwatch.StartNew();
        await console.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new ElapsedTimeColumn())
            .StartAsync(async ctx =>
            {
                var task = ctx.AddTask(BatchProgress.Evaluating, maxValue: 1000);
                while (!run.IsCompleted)
                {
                    Update(task, progress.Latest, clock);
                    await Task.WhenAny(run, Task.Delay(200));
                }
                Update(task, progress.Latest, clock);
                if (run.IsCompletedSuccessfully) task.Value = task.MaxValue;
            });
    }

    private static void Update(ProgressTask task, BatchProgress progress, Stopwatch clock)
    {
        var rate = progress.Rows / Math.Max(0.001, clock.Elapsed.TotalSeconds);
        task.Description = Markup.Escape(string.Create(CultureInfo.InvariantCulture, $"{progress.Stage}：{progress.Rows:N0} 行，{rate:N0} 行/秒，拒绝 {progress.Rejected:N0} 行"));
        task.Value = Math.Min(999, progress.Fraction * 1000);
    }
}
