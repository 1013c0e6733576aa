using System.Globalization;
using System.Text.Json;
using Srdi.Application.Profiles;
using Srdi.Application.Rosters;
using Srdi.Engine.Runtime;
using Srdi.Model.Profiles;
using Srdi.Model.Sources;
using Srdi.Model.Vocabulary;

namespace Srdi.Tests.Rosters;

#pragma warning disable CA1305, CA1307, CA1309, CA1310, CA1311, CA1862, MA0011, MA0074, MA0076

/// <summary>The roster binder as it was before cells were read as characters (commit 9e0fcd3), kept
/// word for word as the oracle the span binder must agree with.</summary>
internal sealed class LegacyRowBinder(RosterColumn[] columns, CatalogVocabulary vocabulary, Srdi.Application.Vocabulary.Wording wording)
{
    private readonly string[] _kinds = vocabulary.Certificates.Keys.ToArray();
    private readonly string?[,] _certificates = new string?[vocabulary.Certificates.Count, 4];
    private readonly bool[] _hasCertificate = new bool[vocabulary.Certificates.Count];
    private readonly int[] _columnKind = columns.Select(c => c.Certificate is null ? -1 : Array.IndexOf(vocabulary.Certificates.Keys.ToArray(), c.Certificate)).ToArray();

    public RosterColumn[] Columns => columns;

    /// <returns>true when the row is good and the record holds it.</returns>
    public bool Bind(IReadOnlyList<string?> cells, long row, EnterpriseRecord record, List<RowProblem> problems)
    {
        record.Clear();
        Array.Clear(_hasCertificate);
        var before = problems.Count;
        string? province = null, city = null, district = null;
        DateOnly? since = null;
        if (cells.Count > columns.Length)
            problems.Add(new RowProblem(row, string.Create(CultureInfo.InvariantCulture, $"第 {columns.Length + 1} 列"), string.Create(CultureInfo.InvariantCulture, $"该行有 {cells.Count} 列，多于表头的 {columns.Length} 列")));
        for (var i = 0; i < columns.Length && i < cells.Count; i++)
        {
            var cell = cells[i];
            if (string.IsNullOrWhiteSpace(cell)) continue;
            var column = columns[i];
            if (column.Kind is ColumnKind.Id or ColumnKind.Name or ColumnKind.Province or ColumnKind.City or ColumnKind.District
                && cell.Length > ProfileReader.MaxTextLength && cell.Trim().Length > ProfileReader.MaxTextLength)
            {
                problems.Add(new RowProblem(row, column.Header, string.Create(CultureInfo.InvariantCulture, $"文字过长（{cell.Trim().Length:N0} 个字符，上限 {ProfileReader.MaxTextLength}）：{CellValues.Clip(cell.Trim())}")));
                continue;
            }
            switch (column.Kind)
            {
                case ColumnKind.Id: record.Id = cell.Trim(); break;
                case ColumnKind.Name: record.Name = cell.Trim(); break;
                case ColumnKind.Province: province = cell.Trim(); break;
                case ColumnKind.City: city = cell.Trim(); break;
                case ColumnKind.District: district = cell.Trim(); break;
                case ColumnKind.Since:
                    if (LegacyCellValues.TryDate(cell, out var d)) since = d;
                    else problems.Add(new RowProblem(row, column.Header, $"应为日期 YYYY-MM-DD（1900-01-01 至 2200-12-31），实际为 \"{CellValues.Clip(cell)}\""));
                    break;
                case ColumnKind.CertificateIssued: Certificate(i, 0, cell); break;
                case ColumnKind.CertificateExpires: Certificate(i, 1, cell); break;
                case ColumnKind.CertificateLevel: Certificate(i, 2, cell); break;
                case ColumnKind.CertificateRenewal: Certificate(i, 3, cell); break;
                case ColumnKind.Fact: BindFact(column, cell, row, record, problems); break;
            }
        }
        if (string.IsNullOrWhiteSpace(record.Id)) problems.Add(new RowProblem(row, "企业标识", "缺少企业标识"));
        if (vocabulary.Areas.Check(province, city, district) is { } area)
            problems.Add(new RowProblem(row, area.Field switch { "province" => "省份", "city" => "城市", _ => "区县" }, area.Problem));
        record.Area = province is null && city is null && district is null && since is null ? null : new EnterpriseArea(province, city, district, since);
        for (var k = 0; k < _kinds.Length; k++)
            if (_hasCertificate[k])
                AddCertificate(_kinds[k], (_certificates[k, 0], _certificates[k, 1], _certificates[k, 2], _certificates[k, 3]), row, record, problems);
        return problems.Count == before;
    }

    private void Certificate(int column, int field, string cell)
    {
        var kind = _columnKind[column];
        if (!_hasCertificate[kind])
        {
            _hasCertificate[kind] = true;
            for (var f = 0; f < 4; f++) _certificates[kind, f] = null;
        }
        _certificates[kind, field] = cell;
    }

    private void AddCertificate(string kindId, (string? Issued, string? Expires, string? Level, string? Renewal) c, long row, EnterpriseRecord record, List<RowProblem> problems)
    {
        var kind = vocabulary.Certificates[kindId];
        var field = $"{kind.Name}认定日期";
        if (c.Issued is null)
        {
            problems.Add(new RowProblem(row, field, "填写了该证书的其他栏目，但缺少认定日期"));
            return;
        }
        if (!LegacyCellValues.TryDate(c.Issued, out var issued))
        {
            problems.Add(new RowProblem(row, field, $"应为日期 YYYY-MM-DD（1900-01-01 至 2200-12-31），实际为 \"{CellValues.Clip(c.Issued)}\""));
            return;
        }
        var expires = kind.ExpiryFor(issued);
        if (c.Expires is not null && !LegacyCellValues.TryDate(c.Expires, out expires))
        {
            problems.Add(new RowProblem(row, $"{kind.Name}有效期至", $"应为日期 YYYY-MM-DD（1900-01-01 至 2200-12-31），实际为 \"{CellValues.Clip(c.Expires)}\""));
            return;
        }
        if (expires < issued)
        {
            problems.Add(new RowProblem(row, $"{kind.Name}有效期至", string.Create(CultureInfo.InvariantCulture, $"有效期截止日 {expires:yyyy-MM-dd} 早于认定日期 {issued:yyyy-MM-dd}")));
            return;
        }
        var level = kind.DefaultLevel;
        if (c.Level is not null)
        {
            if (!wording.TryLevel(c.Level, out var parsed) || !kind.Levels.Contains(parsed))
            {
                problems.Add(new RowProblem(row, $"{kind.Name}认定级别", $"\"{CellValues.Clip(c.Level)}\" 不是该证书的级别（可用：{string.Join("、", kind.Levels.Select(wording.Level))}）"));
                return;
            }
            level = parsed;
        }
        var renewal = false;
        if (c.Renewal is not null && !LegacyCellValues.TryBool(c.Renewal, out renewal))
        {
            problems.Add(new RowProblem(row, $"{kind.Name}是否复核", $"应为 是/否，实际为 \"{CellValues.Clip(c.Renewal)}\""));
            return;
        }
        record.AddCertificate(new Certificate(kindId, level, null, issued, expires, renewal));
    }

    private static void BindFact(RosterColumn column, string cell, long row, EnterpriseRecord record, List<RowProblem> problems)
    {
        var fact = column.Fact!;
        object value;
        if (fact.Type == FactType.List)
        {
            if (cell.Trim() == "[]") value = EmptyList;
            else try
            {
                value = ProfileReader.ReadValue(fact, cell, "$");
            }
            catch (JsonException)
            {
                problems.Add(new RowProblem(row, column.Header, $"应为 JSON 数组，每项包含 {string.Join("、", fact.Fields.Select(f => f.Name))}"));
                return;
            }
            catch (ProfileException e)
            {
                problems.Add(new RowProblem(row, column.Header, e.Message));
                return;
            }
        }
        else
        {
            if (!LegacyCellValues.TrySet(fact, cell, new EnterpriseRecordTarget(record, column.Slot, column.Year), out var error))
                problems.Add(new RowProblem(row, column.Header, error));
            return;
        }
        if (column.Year is { } year) record.SetYear(column.Slot, year, value);
        else record.Set(column.Slot, value);
    }

    private static readonly IReadOnlyList<FactItem> EmptyList = [];
}

/// <summary>The cell parsers as they were before they read spans (commit 9e0fcd3): the oracle of
/// <see cref="CellValues"/>'s span parsing.</summary>
internal static class LegacyCellValues
{
    private static readonly string[] DateFormats = ["yyyy-MM-dd", "yyyy/M/d", "yyyy-M-d", "yyyy/MM/dd", "yyyy.M.d"];

    private static string Clip(string s) => CellValues.Clip(s);


    public static bool TryNumber(FactType type, string text, out decimal value, out string error)
    {
        error = "";
        if (!Quantity.TryParse(text, out value) && !Quantity.TryParse(text.Trim(), out value))
        {
            error = $"应为{FactValues.Expected(type)}，实际为 \"{Clip(text.Trim())}\"";
            return false;
        }
        error = FactValues.NumberProblem(type, value, text.Trim()) ?? "";
        return error.Length == 0;
    }

    public static bool TrySet(FactDefinition fact, string text, EnterpriseRecordTarget target, out string error)
    {
        error = "";
        switch (fact.Type)
        {
            case FactType.Money or FactType.Rate or FactType.Count or FactType.Number:
                if (!TryNumber(fact.Type, text, out var number, out error)) return false;
                target.Number(number);
                return true;
            case FactType.Boolean:
                if (!TryBool(text, out var flag)) { error = $"应为 是/否（或 true/false），实际为 \"{Clip(text.Trim())}\""; return false; }
                target.Boolean(flag);
                return true;
            case FactType.Choice:
                var choice = text.Trim();
                if (FactValues.ChoiceProblem(fact.Choices, choice) is { } problem) { error = problem; return false; }
                target.Text(choice);
                return true;
            case FactType.Date:
                if (!TryDate(text, out var date)) { error = $"应为日期 YYYY-MM-DD（1900-01-01 至 2200-12-31），实际为 \"{Clip(text.Trim())}\""; return false; }
                target.Date(date);
                return true;
            default:
                error = "不支持的类型";
                return false;
        }
    }

    public static bool TryBool(string s, out bool value)
    {
        switch (s.Trim().ToLowerInvariant())
        {
            case "是" or "true" or "1" or "y" or "yes":
                value = true;
                return true;
            case "否" or "false" or "0" or "n" or "no":
                value = false;
                return true;
            default:
                value = false;
                return false;
        }
    }

    public static bool TryDate(string s, out DateOnly date)
    {
        // "2024-07-15", as nearly every cell is written, without the general parser.
        if (s.Length == 10 && s[4] == '-' && s[7] == '-'
            && int.TryParse(s.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var y)
            && int.TryParse(s.AsSpan(5, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var m)
            && int.TryParse(s.AsSpan(8, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var d)
            && y >= 1 && m is >= 1 and <= 12 && d >= 1 && d <= DateTime.DaysInMonth(y, m))
        {
            date = new DateOnly(y, m, d);
            return Srdi.Application.Text.IsoDate.InRange(date);
        }
        return DateOnly.TryParseExact(s.Trim(), DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out date) && Srdi.Application.Text.IsoDate.InRange(date);
    }
}
