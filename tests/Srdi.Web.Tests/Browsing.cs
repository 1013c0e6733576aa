using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Xunit;

namespace Srdi.Web.Tests;

/// <summary>A person in a browser: keeps cookies, does not follow redirects (so tests see them),
/// signs in through the login form and sends each form's anti-forgery token back.</summary>
public sealed partial class Browsing(HttpClient client)
{
    public HttpClient Client { get; } = client;

    public static Browsing For(SrdiWebFactory factory) =>
        new(factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }));

    public static async Task<Browsing> SignedInAsync(SrdiWebFactory factory, string userName, string password = SrdiWebFactory.Password)
    {
        var browsing = For(factory);
        var response = await browsing.SignInAsync(userName, password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return browsing;
    }

    public async Task<HttpResponseMessage> SignInAsync(string userName, string password)
    {
        var token = await TokenAsync("/account/login");
        return await PostAsync("/account/login", token, new() { ["UserName"] = userName, ["Password"] = password });
    }

    /// <summary>The anti-forgery token of the first form on the page.</summary>
    public async Task<string> TokenAsync(string route)
    {
        var html = await Client.GetStringAsync(new Uri(route, UriKind.Relative));
        return TokenPattern().Match(html) is { Success: true } m ? m.Groups[1].Value : throw new InvalidOperationException("页面没有防伪令牌：" + route);
    }

    public Task<HttpResponseMessage> GetAsync(string route) => Client.GetAsync(new Uri(route, UriKind.Relative));

    public Task<HttpResponseMessage> PostAsync(string route, string? token, Dictionary<string, string> fields)
    {
        if (token is not null) fields["__RequestVerificationToken"] = token;
        return Client.PostAsync(new Uri(route, UriKind.Relative), new FormUrlEncodedContent(fields));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
