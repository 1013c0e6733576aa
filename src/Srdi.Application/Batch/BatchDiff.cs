using System.Text;
using System.Text.Json;

namespace Srdi.Application.Batch;

/// <summary>One change between two runs for one enterprise and measure.</summary>
public sealed record EntitlementChange(string Id, string? Name, string MeasureId, string Change, Entitlement? Old, Entitlement? New);

/// <summary>An entitlement as a batch wrote it to entitlements.jsonl.</summary>
public sealed record Entitlement(string Status, string Kind, decimal Exact, decimal UpTo, decimal Scheduled)
{
    public bool Eligible => Status == "eligible";
}

public sealed record MeasureChange(string MeasureId, long Gained, long Lost, long Changed, decimal ExactDelta, decimal UpToDelta, decimal ScheduledDelta);

public sealed record BatchDiffReport(long OnlyOld, long OnlyNew, long Compared, IReadOnlyList<MeasureChange> Measures, IReadOnlyList<EntitlementChange> Changes);

/// <summary>srdi batch diff OLD NEW: who gained or lost what between two runs (another date,
/// another roster, another catalog version), read from their entitlements.jsonl, which a run
/// writes only with --with entitlements.jsonl.</summary>
public static class BatchDiff
{
    public static BatchDiffReport Compare(string oldFolder, string newFolder)
    {
        var old = new Dictionary<string, (string? Name, Dictionary<string, Entitlement> Entitlements)>(StringComparer.Ordinal);
        foreach (var (id, name, entitlements) in Read(oldFolder)) old[id] = (name, entitlements);
        var changes = new List<EntitlementChange>();
        long onlyNew = 0, compared = 0;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (id, name, entitlements) in Read(newFolder))
        {
            seen.Add(id);
            if (!old.TryGetValue(id, out var before))
            {
                onlyNew++;
                foreach (var (measure, e) in entitlements.Where(e => e.Value.Eligible)) changes.Add(new EntitlementChange(id, name, measure, "新增企业", null, e));
                continue;
            }
            compared++;
            foreach (var measure in before.Entitlements.Keys.Union(entitlements.Keys))
            {
                var a = before.Entitlements.GetValueOrDefault(measure);
                var b = entitlements.GetValueOrDefault(measure);
                var change = (a?.Eligible ?? false, b?.Eligible ?? false) switch
                {
                    (false, true) => "获得",
                    (true, false) => "失去",
                    (true, true) when a != b => "金额变化",
                    (false, false) when a?.Status != b?.Status => "状态变化",
                    _ => null,
                };
                if (change is not null) changes.Add(new EntitlementChange(id, name, measure, change, a, b));
            }
        }
        foreach (var (id, before) in old.Where(o => !seen.Contains(o.Key)))
            foreach (var (measure, e) in before.Entitlements.Where(e => e.Value.Eligible))
                changes.Add(new EntitlementChange(id, before.Name, measure, "企业不在新名单中", e, null));
        var measures = changes.GroupBy(c => c.MeasureId).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => new MeasureChange(g.Key,
            g.Count(c => c.Change is "获得" or "新增企业"),
            g.Count(c => c.Change is "失去" or "企业不在新名单中"),
            g.Count(c => c.Change == "金额变化"),
            g.Sum(c => (c.New is { Eligible: true } n ? n.Exact : 0) - (c.Old is { Eligible: true } o ? o.Exact : 0)),
            g.Sum(c => (c.New is { Eligible: true } n ? n.UpTo : 0) - (c.Old is { Eligible: true } o ? o.UpTo : 0)),
            g.Sum(c => (c.New is { Eligible: true } n ? n.Scheduled : 0) - (c.Old is { Eligible: true } o ? o.Scheduled : 0)))).ToList();
        return new BatchDiffReport(old.Count - (seen.Count - onlyNew), onlyNew, compared, measures, changes);
    }

    /// <summary>The changes as CSV for staff: statuses in Chinese when <paramref name="status"/> words
    /// them (the catalog's terms.yaml), amounts to the fen, fields neutralised against formulas.</summary>
    public static void WriteCsv(BatchDiffReport report, string path, Func<string, string>? status = null)
    {
        string? Status(string? code) => code is null ? null : status?.Invoke(code) ?? code;
        static string? Money(decimal? d) => d is { } v ? Fen.Round(v).ToString(System.Globalization.CultureInfo.InvariantCulture) : null;
        using var writer = new StreamWriter(path, false, new UTF8Encoding(true));
        writer.WriteLine("企业标识,企业名称,措施,变化,原状态,新状态,原确定金额,新确定金额,原最高金额,新最高金额,原分年度合计,新分年度合计");
        foreach (var c in report.Changes)
            writer.WriteLine(string.Join(',', Csv(c.Id), Csv(c.Name), Csv(c.MeasureId), Csv(c.Change), Csv(Status(c.Old?.Status)), Csv(Status(c.New?.Status)),
                Money(c.Old?.Exact), Money(c.New?.Exact), Money(c.Old?.UpTo), Money(c.New?.UpTo), Money(c.Old?.Scheduled), Money(c.New?.Scheduled)));
    }

    /// <summary>Amounts of zero are left out of entitlements.jsonl.</summary>
    private static decimal Amount(JsonElement e, string name) => e.TryGetProperty(name, out var v) ? v.GetDecimal() : 0;

    private static string Csv(string? s) => Text.CsvText.Field(s);

    private static IEnumerable<(string Id, string? Name, Dictionary<string, Entitlement> Entitlements)> Read(string folder)
    {
        // Only a complete run: a folder without its manifest may hold a file cut short.
        var manifest = BatchManifest.ReadComplete(folder);
        // entitlements.jsonl is a machine output, written only when asked for: say which option the run needed.
        if (!manifest.Files.Any(f => f.Name == FolderBatchOutput.EntitlementsJsonl))
            throw new BatchOutputException($"{folder} 的那次 srdi batch 没有写出 {FolderBatchOutput.EntitlementsJsonl}（它默认不写，只在要求时写出）：" +
                $"srdi batch diff 比较两次运行的 {FolderBatchOutput.EntitlementsJsonl}，请在两次运行时都加上 --with {FolderBatchOutput.EntitlementsJsonl}（或 --with all）");
        var path = Path.Combine(folder, FolderBatchOutput.EntitlementsJsonl);
        foreach (var line in File.ReadLines(path))
        {
            if (line.Length == 0) continue;
            using var doc = JsonDocument.Parse(line);
            var root = doc.RootElement;
            var entitlements = new Dictionary<string, Entitlement>(StringComparer.Ordinal);
            foreach (var e in root.GetProperty("entitlements").EnumerateArray())
                entitlements[e.GetProperty("measure_id").GetString()!] = new Entitlement(e.GetProperty("status").GetString()!, e.GetProperty("kind").GetString()!,
                    Amount(e, "exact"), Amount(e, "up_to"), Amount(e, "scheduled"));
            yield return (root.GetProperty("id").GetString()!, root.GetProperty("name").GetString(), entitlements);
        }
    }
}
