using System.Globalization;
using Srdi.Engine.Evaluation;
using Srdi.Model.Vocabulary;

namespace Srdi.Application.Rosters;

/// <summary>The roster's columns (docs/roster.md): enterprise, area, one group of columns per
/// certificate kind, one column per fact (per year for yearly facts). A header is accepted in its
/// Chinese form or its machine key.</summary>
public sealed class RosterLayout(CompiledCatalog catalog)
{
    private readonly CatalogVocabulary _vocabulary = catalog.Catalog.Vocabulary;

    /// <summary>The columns of a template for an evaluation year: yearly facts get the three years before it.</summary>
    public IReadOnlyList<RosterColumn> Template(int evaluationYear)
    {
        var columns = new List<RosterColumn>(Fixed());
        foreach (var kind in _vocabulary.Certificates.Values.OrderBy(k => k.Id, StringComparer.Ordinal))
            columns.AddRange(CertificateColumns(kind));
        foreach (var fact in _vocabulary.Facts.Values.OrderBy(f => f.Name, StringComparer.Ordinal))
        {
            catalog.TryGetSlot(fact.Name, out var slot);
            if (!fact.Yearly) columns.Add(FactColumn(fact, slot, null));
            else
                for (var year = evaluationYear - 3; year < evaluationYear; year++)
                    columns.Add(FactColumn(fact, slot, year));
        }
        return columns;
    }

    /// <summary>Binds a header row. An unknown or repeated header stops the run: every row would
    /// lose that column's data.</summary>
    public RosterColumn[] Bind(IReadOnlyList<string> headers)
    {
        var bound = new RosterColumn[headers.Count];
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < headers.Count; i++)
        {
            var header = headers[i].Trim().TrimStart('\uFEFF');
            var column = Find(header) ?? throw new RosterFormatException(
                string.Create(CultureInfo.InvariantCulture, $"第 {i + 1} 列的表头 \"{Profiles.CellValues.Clip(header)}\" 无法识别；表头可写中文名或英文键（srdi roster template 生成的模板列出全部列，docs/roster.md 有说明）"));
            if (seen.TryGetValue(column.Key, out var first))
                throw new RosterFormatException(string.Create(CultureInfo.InvariantCulture, $"第 {i + 1} 列 \"{header}\" 与第 {first + 1} 列重复（都是 {column.Key}）"));
            seen[column.Key] = i;
            bound[i] = column;
        }
        if (bound.All(c => c.Kind != ColumnKind.Id))
            throw new RosterFormatException("缺少“企业标识”（id）列");
        return bound;
    }

    private RosterColumn? Find(string header)
    {
        foreach (var column in Fixed())
            if (header == column.Header || header == column.Key) return column;
        foreach (var kind in _vocabulary.Certificates.Values)
            foreach (var column in CertificateColumns(kind))
                if (header == column.Header || header == column.Key) return column;

        var (name, year) = SplitYear(header);
        foreach (var fact in _vocabulary.Facts.Values)
        {
            if (name != fact.Name && name != fact.Label && name != fact.Label + "（JSON）") continue;
            if (fact.Yearly != year.HasValue) continue;
            catalog.TryGetSlot(fact.Name, out var slot);
            return FactColumn(fact, slot, year);
        }
        return null;
    }

    /// <summary>"rd_expense@2024" and "研发费用总额（2024年）" name a year.</summary>
    private static (string Name, int? Year) SplitYear(string header)
    {
        var at = header.LastIndexOf('@');
        if (at > 0 && int.TryParse(header[(at + 1)..], NumberStyles.Integer, CultureInfo.InvariantCulture, out var y) && y is > 1900 and < 2200) return (header[..at], y);
        if (header.EndsWith("年）", StringComparison.Ordinal))
        {
            var open = header.LastIndexOf('（');
            if (open > 0 && int.TryParse(header[(open + 1)..^2], NumberStyles.Integer, CultureInfo.InvariantCulture, out var year) && year is > 1900 and < 2200) return (header[..open], year);
        }
        return (header, null);
    }

    private static IEnumerable<RosterColumn> Fixed() =>
    [
        new("企业标识", "id", ColumnKind.Id, null, null, -1, null),
        new("企业名称", "name", ColumnKind.Name, null, null, -1, null),
        new("省份", "province", ColumnKind.Province, null, null, -1, null),
        new("城市", "city", ColumnKind.City, null, null, -1, null),
        new("区县", "district", ColumnKind.District, null, null, -1, null),
        new("注册或迁入日期", "since", ColumnKind.Since, null, null, -1, null),
    ];

    private static IEnumerable<RosterColumn> CertificateColumns(CertificateKind kind) =>
    [
        new($"{kind.Name}认定日期", $"{kind.Id}.issued_on", ColumnKind.CertificateIssued, kind.Id, null, -1, null),
        new($"{kind.Name}有效期至", $"{kind.Id}.expires_on", ColumnKind.CertificateExpires, kind.Id, null, -1, null),
        new($"{kind.Name}认定级别", $"{kind.Id}.level", ColumnKind.CertificateLevel, kind.Id, null, -1, null),
        new($"{kind.Name}是否复核", $"{kind.Id}.renewal", ColumnKind.CertificateRenewal, kind.Id, null, -1, null),
    ];

    private static RosterColumn FactColumn(FactDefinition fact, int slot, int? year) => new(
        fact.Type == FactType.List ? $"{fact.Label}（JSON）" + (year is { } y0 ? string.Create(CultureInfo.InvariantCulture, $"（{y0}年）") : "") : year is { } y ? string.Create(CultureInfo.InvariantCulture, $"{fact.Label}（{y}年）") : fact.Label,
        year is { } yk ? string.Create(CultureInfo.InvariantCulture, $"{fact.Name}@{yk}") : fact.Name,
        ColumnKind.Fact, null, fact, slot, year);
}

/// <summary>The roster as a whole cannot be read (a header, an encoding): exit 2, nothing evaluated.</summary>
public sealed class RosterFormatException(string message) : Exception(message);
