using System.Text.Json;
using Xunit;

namespace Srdi.Web.Tests;

/// <summary>Reads an answer that must be RFC 7807 problem+json with a Chinese title.</summary>
internal static class Problem
{
    public static async Task<JsonElement> ReadAsync(HttpResponseMessage response, int status)
    {
        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var text = await response.Content.ReadAsStringAsync();
        var problem = JsonDocument.Parse(text).RootElement.Clone();
        Assert.Equal(status, problem.GetProperty("status").GetInt32());
        Assert.Contains(problem.GetProperty("title").GetString()!, c => c is >= '\u4e00' and <= '\u9fff');
        return problem;
    }

    public static string? Field(JsonElement problem) =>
        problem.TryGetProperty("field", out var field) ? field.GetString() : null;
}
