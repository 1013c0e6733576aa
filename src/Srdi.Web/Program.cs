using Scalar.AspNetCore;
using Srdi.Application.Hosting;
using Srdi.Storage.Hosting;
using Srdi.Web.Accounts;
using Srdi.Web.Apis;
using Srdi.Web.Hosting;
using Srdi.Web.Pages;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddSrdiNavigator(builder.Configuration);
builder.Services.AddSrdiStorage(builder.Configuration);
builder.Services.AddSrdiWeb(builder.Configuration);
builder.Services.AddSrdiAccounts(builder.Configuration);
builder.Services.AddOpenApi();
builder.Services.AddSrdiPages();

var app = builder.Build();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseSrdiAccounts();
app.UseStaticFiles();
app.MapOpenApi();
app.MapScalarApiReference();
app.MapPoliciesApi();
app.MapEvaluationsApi();
app.MapEnterprisesApi();
app.MapRazorPages();
app.PrintWhenStarted();
app.Run();
