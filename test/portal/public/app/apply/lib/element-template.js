// One template for Element Plus (Vue 3) and Element UI 2 (Vue 2.7): the libraries share their
// component names; the differences (radio value prop, date format tokens, upload list binding,
// layout) are parameters. `layout: 'grid'` puts form items in el-row/el-col; `'table'` draws the
// form as a <table> with label cells (no el-form-item), as many older 政务 forms are.
export function elementTemplate({ vue2, layout }) {
  const radioValue = vue2 ? ':label' : ':value';
  const dateFmt = vue2 ? 'yyyy-MM-dd' : 'YYYY-MM-DD';
  const upload = vue2
    ? `<el-upload action="#" :auto-upload="false" multiple :file-list="fileLists[f.name]" :on-change="(file, list) => onFiles(f, list)" :on-remove="(file, list) => onFiles(f, list)"><el-button size="small">选择文件</el-button></el-upload>`
    : `<el-upload action="#" :auto-upload="false" multiple v-model:file-list="fileLists[f.name]" :on-change="(file, list) => onFiles(f, list)" :on-remove="(file, list) => onFiles(f, list)"><el-button>选择文件</el-button></el-upload>`;
  const cell = (c) => `
      <el-select v-if="c.type === 'select'" v-model="row.${c.name}" placeholder="请选择"><el-option v-for="o in c.options" :key="o" :label="o" :value="o"></el-option></el-select>
      <el-date-picker v-else-if="c.type === 'date'" v-model="row.${c.name}" type="date" value-format="${dateFmt}" format="${dateFmt}" placeholder="选择日期"></el-date-picker>
      <el-input-number v-else-if="c.type === 'number'" v-model="row.${c.name}" :min="0" controls-position="right"></el-input-number>
      <el-input v-else v-model="row.${c.name}"></el-input>`;
  const slot = vue2 ? 'slot-scope="{ row, $index }"' : '#default="{ row, $index }"';
  const widget = `
    <el-input v-if="f.type === 'text'" v-model="model[f.name]" :placeholder="f.placeholder || '请输入'"></el-input>
    <el-input v-else-if="f.type === 'textarea'" type="textarea" :rows="3" v-model="model[f.name]"></el-input>
    <el-input-number v-else-if="f.type === 'number'" v-model="model[f.name]" :min="0"></el-input-number>
    <el-select v-else-if="f.type === 'select'" v-model="model[f.name]" :multiple="!!f.multiple" :filterable="!!f.filterable" placeholder="请选择" clearable>
      <el-option v-for="o in f.options" :key="o" :label="o" :value="o"></el-option>
    </el-select>
    <el-date-picker v-else-if="f.type === 'date'" v-model="model[f.name]" type="date" value-format="${dateFmt}" format="${dateFmt}" placeholder="选择日期"></el-date-picker>
    <el-radio-group v-else-if="f.type === 'radio'" v-model="model[f.name]"><el-radio v-for="o in f.options" :key="o" ${radioValue}="o">{{ o }}</el-radio></el-radio-group>
    <el-checkbox v-else-if="f.type === 'checkbox'" v-model="model[f.name]">是，本单位/本人确认</el-checkbox>
    <el-checkbox-group v-else-if="f.type === 'checkboxes'" v-model="model[f.name]"><el-checkbox v-for="o in f.options" :key="o" ${vue2 ? ':label' : ':value'}="o">{{ o }}</el-checkbox></el-checkbox-group>
    <el-switch v-else-if="f.type === 'switch'" v-model="model[f.name]" active-text="是" inactive-text="否"></el-switch>
    <el-cascader v-else-if="f.type === 'cascader'" v-model="model[f.name]" :options="f.options" placeholder="请选择省/市/区" clearable></el-cascader>
    ${upload.replace('<el-upload', '<el-upload v-else-if="f.type === \'file\'"')}
    <div v-else-if="f.type === 'table'" class="editable-table">
      <el-table :data="model[f.name]" border empty-text="暂无数据">
        <el-table-column v-for="c in f.columns" :key="c.name" :label="c.label" min-width="160">
          <template ${slot}>${cell({ name: '[c.name]' }).replace(/row\.\[c\.name\]/g, 'row[c.name]')}</template>
        </el-table-column>
        <el-table-column label="操作" width="90"><template ${slot}><el-button type="text" @click="model[f.name].splice($index, 1)">删除</el-button></template></el-table-column>
      </el-table>
      <el-button size="small" @click="addRow(f)">+ 添加一行</el-button>
    </div>`;
  const items = layout === 'table'
    ? `<table class="form-table"><tbody>
        <tr v-for="f in shown" :key="f.name"><td class="form-table__label"><span v-if="f.required" class="req">*</span>{{ f.label }}</td><td class="form-table__value">${widget}</td></tr>
      </tbody></table>`
    : `<el-row :gutter="24">
        <el-col v-for="f in shown" :key="f.name" :span="wide(f) ? 24 : 12">
          <el-form-item :label="f.label" :required="f.required">${widget}</el-form-item>
        </el-col>
      </el-row>`;
  return `
  <div class="fixture">
    <h1>{{ title }}</h1>
    <el-steps :active="stepIndex" finish-status="success" simple><el-step v-for="s in steps" :key="s.id" :title="s.title"></el-step></el-steps>
    <el-form label-width="220px" label-position="right" ${vue2 ? "@submit.native.prevent" : "@submit.prevent"}>
      <h2 class="step-title">{{ steps[stepIndex].title }}</h2>
      ${items}
    </el-form>
    <div class="actions">
      <el-button :disabled="stepIndex === 0" @click="stepIndex--">上一步</el-button>
      <el-button type="primary" v-if="stepIndex < steps.length - 1" @click="stepIndex++">下一步</el-button>
    </div>
  </div>`;
}
