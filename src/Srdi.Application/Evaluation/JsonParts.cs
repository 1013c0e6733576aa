using System.Text.Json;
using Srdi.Engine.Evaluation;

namespace Srdi.Application.Evaluation;

/// <summary>Money totals as the batch's streamed JSON Lines write them, in the shape of
/// <see cref="Contracts.MoneyTotals"/>.</summary>
internal static class JsonParts
{
    public static void Totals(Utf8JsonWriter w, string name, Totals t)
    {
        w.WriteStartObject(name);
        w.WriteNumber("exact", t.Exact);
        w.WriteNumber("up_to", t.UpTo);
        w.WriteNumber("scheduled", t.Scheduled);
        w.WriteEndObject();
    }
}
