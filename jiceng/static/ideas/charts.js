// The campaign funnel and breakdowns with ECharts (served locally); data from a json_script element.
(function () {
  const el = document.getElementById("ideas-chart");
  if (!el || !window.echarts) return;
  const data = JSON.parse(el.textContent);
  const funnel = echarts.init(document.getElementById("chart-funnel"));
  funnel.setOption({
    tooltip: {}, series: [{ type: "funnel", sort: "none", label: { formatter: "{b}: {c}" },
      data: data.stage_labels.map((name, i) => ({ name: name, value: data.stages[i] })) }],
  });
  function pie(id, rows) {
    const chart = echarts.init(document.getElementById(id));
    chart.setOption({ tooltip: {}, series: [{ type: "pie", radius: "60%",
      data: rows.map((r) => ({ name: r[0], value: r[1] })) }] });
  }
  pie("chart-channels", data.channels);
  pie("chart-compounds", data.compounds);
  pie("chart-categories", data.categories);
})();
